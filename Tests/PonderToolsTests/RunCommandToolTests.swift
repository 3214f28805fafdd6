import Foundation
import PonderCore
import PonderTestSupport
import PonderTools
import Testing

/// `run_command` against real processes: status, capture caps, the timeout and cancellation,
/// which must kill the whole process group.
///
/// Alone, each test takes 0.03–0.4 s. The commands would run 300 s if nothing killed them; the
/// one-minute limit turns that into a failure. No test measures its own wall time: on a loaded
/// machine that includes waiting for a turn on the CPU, which is not what these tests are about.
@Suite(.timeLimit(.minutes(1))) struct RunCommandToolTests {

  @Test func runsInTheWorkspaceAndReportsStatusAndBothStreams() async throws {
    let temp = try TempWorkspace()
    let output = try await RunCommandTool().run(["command": "pwd; echo oops >&2; exit 3"], context: temp.context)
    #expect(output.status == .failed)
    #expect(output.text.hasPrefix("exit status 3 ("))
    #expect(output.text.contains("stdout (\(temp.workspace.root.utf8.count + 1) bytes):\n\(temp.workspace.root)\n"))
    #expect(output.text.contains("stderr (5 bytes):\noops\n"))
  }

  @Test func successIsOKAndEmptyStreamsSaySo() async throws {
    let temp = try TempWorkspace()
    let output = try await RunCommandTool().run(["command": "true"], context: temp.context)
    #expect(output.isOK)
    #expect(output.text.hasSuffix("stdout: (empty)\nstderr: (empty)\n"))
  }

  @Test func aCommandThatNeverEndsIsKilledAtItsTimeout() async throws {
    let temp = try TempWorkspace()
    let output = try await RunCommandTool().run(
      ["command": "echo started; sleep 300", "timeout_seconds": 0.3], context: temp.context)
    #expect(output.status == .failed)
    #expect(output.text.hasPrefix("timed out after 0.30 s; the command and its children were killed"))
    #expect(output.text.contains("stdout (8 bytes):\nstarted\n"))
  }

  @Test func theTimeoutArgumentIsCapped() async throws {
    let temp = try TempWorkspace()
    let tool = RunCommandTool(defaultTimeout: 5, maxTimeout: 0.2)
    let output = try await tool.run(["command": "sleep 300", "timeout_seconds": 9999], context: temp.context)
    #expect(output.text.hasPrefix("timed out after 0.20 s"))
  }

  @Test func aHundredMegabytesOfOutputUseBoundedMemoryAndFinish() async throws {
    let temp = try TempWorkspace()
    let output = try await RunCommandTool(captureLimit: 64 << 10).run(
      ["command": "yes 0123456789abcdefghijklmnopqrstuvwxyz | head -c 100000000; echo done >&2"], context: temp.context)
    #expect(output.isOK)
    #expect(output.text.contains("stdout (95.4 MB, 95.3 MB not shown):\n0123456789abcdefghijklmnopqrstuvwxyz\n"))
    #expect(output.text.contains("[… 95.3 MB not shown …]"))
    #expect(output.text.contains("stderr (5 bytes):\ndone\n"))
    #expect(output.byteCount < (64 << 10) + 1024)
  }

  @Test func backgroundLeftoversAreKilledWhenTheShellExits() async throws {
    let temp = try TempWorkspace()
    let output = try await RunCommandTool().run(["command": "sleep 300 & echo $!"], context: temp.context)
    #expect(output.isOK)
    let lines = output.text.split(separator: "\n")
    let pid = try #require(lines.firstIndex { $0.hasPrefix("stdout") }.flatMap { Int32(lines[$0 + 1]) })
    #expect(await ProcessProbe.isGone(pid), "background pid \(pid) survived")
  }

  @Test func cancellingKillsTheCommandAndItsGrandchildren() async throws {
    let temp = try TempWorkspace()
    let pidsWritten = try FIFOLine(in: temp.base)
    let command = "sh -c 'sleep 300 & a=$!; sleep 300 & b=$!; echo $a $b $$; echo $a $b $$ > \(pidsWritten.path); wait'"
    let task = Task { try await RunCommandTool().run(["command": .string(command)], context: temp.context) }
    let line = try #require(await pidsWritten.read())
    let pids = line.split(separator: " ").compactMap { Int32($0) }
    try #require(pids.count == 3)
    for pid in pids { #expect(kill(pid, 0) == 0, "pid \(pid) should be running before the cancel") }
    task.cancel()
    let output = try await task.value
    #expect(output.status == .failed)
    #expect(output.text.hasPrefix("cancelled by the user; the command and its children were killed"))
    #expect(output.text.contains(String(pids[0])), "the output printed before the cancel is kept")
    for pid in pids { #expect(await ProcessProbe.isGone(pid), "pid \(pid) survived the cancel") }
  }

  @Test func aCancelledTaskDoesNotStartTheCommand() async throws {
    let temp = try TempWorkspace()
    let task = Task {
      withUnsafeCurrentTask { $0?.cancel() }
      return try await RunCommandTool().run(["command": "touch started"], context: temp.context)
    }
    await #expect(throws: CancellationError.self) { try await task.value }
    #expect(temp.read("started") == nil)
  }
}
