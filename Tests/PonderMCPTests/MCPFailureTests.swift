import Foundation
import PonderCore
import PonderMCP
import PonderMCPBridge
import PonderTools
import Testing

/// What happens when servers misbehave: a missing command, a server that hangs or dies at start,
/// a server that dies mid-call, a cancelled call, and shutting down. None of it may throw out of
/// `start` or leave a call waiting.
@Suite(.timeLimit(.minutes(2))) struct MCPFailureTests {
  /// Alone each of these takes well under a second; the bound is loose because the whole test
  /// run shares two cores. It only has to be far below the 60 s the slow paths would take.
  static let bound = Duration.seconds(20)

  @Test(arguments: MCPPath.allCases)
  func aCommandThatDoesNotExistIsAProblemAndTheOtherServersStillStart(_ path: MCPPath) async throws {
    let ghost = MCPServerConfig(name: "ghost", command: "ponder-no-such-mcp-server-command")
    let absent = MCPServerConfig(name: "gone", command: "/nonexistent/ponder/mcp-server")
    try await withServers(path, [ghost, try MCPTestServer.config("test"), absent]) { source, tools, problems in
      #expect(
        problems == [
          "MCP server \"ghost\" not started: command \"ponder-no-such-mcp-server-command\" not found on PATH",
          "MCP server \"gone\" not started: command \"/nonexistent/ponder/mcp-server\" does not exist",
        ])
      #expect(await source.serverNames == ["test"])
      #expect(tools.count == 11)
      #expect(tools.allSatisfy { $0.name.hasPrefix("test_") })
    }
  }

  @Test(arguments: MCPPath.allCases)
  func aServerThatNeverAnswersTheHandshakeTimesOut(_ path: MCPPath) async throws {
    let started = ContinuousClock.now
    let config = try MCPTestServer.config("mute", arguments: ["--hang"])
    try await withServers(path, [config], handshakeTimeout: .milliseconds(500)) { source, tools, problems in
      #expect(ContinuousClock.now - started < Self.bound)
      #expect(tools.isEmpty)
      #expect(problems == ["MCP server \"mute\" not used: it did not answer the MCP handshake within 0.5 s"])
      #expect(await source.serverNames.isEmpty)
    }
  }

  @Test(arguments: MCPPath.allCases)
  func aServerThatExitsAtStartIsReportedWithItsStatusAndLastMessage(_ path: MCPPath) async throws {
    let logs = try MCPTestServer.temporaryFolder()
    let config = try MCPTestServer.config("early", arguments: ["--exit-at-start", "7"])
    try await withServers(path, [config], logDirectory: logs) { _, tools, problems in
      #expect(tools.isEmpty)
      #expect(
        problems == [
          "MCP server \"early\" not used: it exited with status 7 — its last message: "
            + "\"fatal: the test server was told to exit with 7\" (log: \(logs)/mcp-early.log)"
        ])
    }
  }

  @Test(arguments: MCPPath.allCases)
  func stderrGoesToTheServersLogFile(_ path: MCPPath) async throws {
    let logs = try MCPTestServer.temporaryFolder() + "/nested/logs"
    try await withServers(path, [try MCPTestServer.config("chatty")], logDirectory: logs) { source, tools, problems in
      #expect(problems.isEmpty)
      #expect(!tools.isEmpty)
      let log = try String(contentsOfFile: logs + "/mcp-chatty.log", encoding: .utf8)
      #expect(log.contains("ponder-mcp-test-server: started"))
      await source.shutdown()
      // Shutting down closes the server's stdin first, and this server exits when it sees that.
      let sawEOF = await eventually {
        (try? String(contentsOfFile: logs + "/mcp-chatty.log", encoding: .utf8))?.contains("stdin closed, exiting")
          == true
      }
      #expect(sawEOF)
    }
  }

  @Test(arguments: MCPPath.allCases)
  func aServerThatExitsMidCallGivesAFailureTheModelCanRead(_ path: MCPPath) async throws {
    let context = try MCPTestServer.context()
    try await withServers(path, [try MCPTestServer.config("fragile")]) { _, tools, _ in
      let started = ContinuousClock.now
      let error = await #expect(throws: ToolFailure.self) {
        try await tools.named("fragile_crash").run(.emptyObject, context: context)
      }
      #expect(ContinuousClock.now - started < Self.bound)
      #expect(
        error?.message
          == "The MCP server \"fragile\" exited with status 3, so fragile_crash did not run or did not finish. "
          + "Its tools stay unavailable until Ponder is restarted; continue without them.")
      // Later calls of the dead server's tools fail the same way, at once.
      let later = await #expect(throws: ToolFailure.self) {
        try await tools.named("fragile_echo").run(["text": "hello?"], context: context)
      }
      #expect(
        later?.message.hasPrefix("The MCP server \"fragile\" exited with status 3, so fragile_echo did not run") == true
      )
    }
  }

  @Test(arguments: MCPPath.allCases)
  func aServerThatClosesItsOutputIsStoppedAndItsCallsFail(_ path: MCPPath) async throws {
    let context = try MCPTestServer.context()
    try await withServers(path, [try MCPTestServer.config("quiet")]) { _, tools, _ in
      let started = ContinuousClock.now
      let error = await #expect(throws: ToolFailure.self) {
        try await tools.named("quiet_close_output").run(.emptyObject, context: context)
      }
      #expect(ContinuousClock.now - started < Self.bound)
      #expect(
        error?.message.hasPrefix("The MCP server \"quiet\" closed its output, so quiet_close_output did not run")
          == true,
        "\(String(describing: error))")
      let later = await #expect(throws: ToolFailure.self) {
        try await tools.named("quiet_echo").run(["text": "hello?"], context: context)
      }
      #expect(later?.message.hasPrefix("The MCP server \"quiet\" closed its output") == true)
    }
  }

  @Test(arguments: MCPPath.allCases)
  func cancellingASlowCallReturnsPromptlyAndTellsTheServer(_ path: MCPPath) async throws {
    let context = try MCPTestServer.context()
    try await withServers(path, [try MCPTestServer.config()]) { _, tools, _ in
      let sleep = try tools.named("test_sleep")
      let started = ContinuousClock.now
      let call = Task { try await sleep.run(["seconds": 60], context: context) }
      try await Task.sleep(for: .milliseconds(300))
      call.cancel()
      let result = await call.result
      #expect(ContinuousClock.now - started < Self.bound)
      switch result {
      case .success(let output): Issue.record("a cancelled call returned \(output)")
      case .failure(let error): #expect(error is CancellationError, "\(error)")
      }
      // The server got notifications/cancelled for the request, and still serves other calls.
      let cancelled = try tools.named("test_cancelled_requests")
      let told = try await eventually {
        try await !cancelled.run(.emptyObject, context: context).text.isEmpty
      }
      #expect(told)
      let echo = try tools.named("test_echo")
      #expect(try await echo.run(["text": "still here"], context: context) == .ok("still here"))
    }
  }

  @Test(arguments: MCPPath.allCases)
  func aCallInAnAlreadyCancelledTaskReturnsAtOnce(_ path: MCPPath) async throws {
    let context = try MCPTestServer.context()
    try await withServers(path, [try MCPTestServer.config()]) { _, tools, _ in
      let sleep = try tools.named("test_sleep")
      let started = ContinuousClock.now
      let call = Task {
        withUnsafeCurrentTask { $0?.cancel() }
        return try await sleep.run(["seconds": 60], context: context)
      }
      let result = await call.result
      #expect(ContinuousClock.now - started < Self.bound)
      #expect(throws: CancellationError.self) { try result.get() }
    }
  }

  @Test(arguments: MCPPath.allCases)
  func afterShutdownCallsFailAndShutdownCanBeRepeated(_ path: MCPPath) async throws {
    let context = try MCPTestServer.context()
    try await withServers(path, [try MCPTestServer.config("brief")]) { source, tools, _ in
      await source.shutdown()
      await source.shutdown()
      let error = await #expect(throws: ToolFailure.self) {
        try await tools.named("brief_echo").run(["text": "anyone?"], context: context)
      }
      #expect(error?.message.hasPrefix("The MCP server \"brief\" was shut down, so brief_echo did not run") == true)
    }
  }
}
