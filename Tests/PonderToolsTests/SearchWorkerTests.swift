import Foundation
import PonderCore
import PonderTools
import Testing

/// `search_files` in its worker process: the report comes back, a search past its deadline is
/// killed and reported as too slow, and cancelling ends it at once.
@Suite struct SearchWorkerTests {
  /// A worker that ignores its arguments and runs `script` instead of searching.
  func tool(_ script: String, timeout: Double = 5) -> SearchFilesTool {
    SearchFilesTool(worker: SearchWorker(command: ["/bin/sh", "-c", script, "worker"], timeout: timeout))
  }

  @Test func theWorkersReportIsTheOutput() async throws {
    let temp = try TempWorkspace()
    let output = try await tool(#"printf 'notes.txt:3: %s' "$2""#).run(["pattern": "x'y"], context: temp.context)
    // The root and the JSON arguments reach the worker intact, quotes and all.
    #expect(output == .ok(#"notes.txt:3: {"pattern":"x'y"}"#))
  }

  @Test func aSearchPastItsDeadlineIsKilledAndCalledTooSlow() async throws {
    let temp = try TempWorkspace()
    do {
      // The worker would sleep 30 s: only the deadline can end it this early.
      _ = try await tool("sleep 30", timeout: 0.3).run(["pattern": "(a+)+$"], context: temp.context)
      Issue.record("a search past its deadline must fail")
    } catch let failure as ToolFailure {
      #expect(failure.message.hasPrefix("search_files: pattern too slow — /(a+)+$/ was stopped after 0.30 s"))
    }
  }

  /// A worker that would run for 300 s: only the cancel can end the test within its minute.
  @Test(.timeLimit(.minutes(1))) func cancellingEndsTheSearchAtOnce() async throws {
    let temp = try TempWorkspace()
    let started = try FIFOLine(in: temp.base)
    let worker = tool("echo started > '\(started.path)'; sleep 300", timeout: 600)
    let search = Task { try await worker.run(["pattern": "x"], context: temp.context) }
    #expect(await started.read() == "started")  // the worker runs: the cancel must reach a live process
    search.cancel()
    let result = await search.result
    guard case .failure(let error) = result, error is CancellationError else {
      Issue.record("a cancelled search must end with CancellationError, got \(result)")
      return
    }
  }

  @Test func theWorkersFailureTextIsTheFailure() async throws {
    let temp = try TempWorkspace()
    do {
      _ = try await tool("echo 'search_files: ( is not a valid regular expression' >&2; exit 1").run(
        ["pattern": "("], context: temp.context)
      Issue.record("a failing worker must fail the call")
    } catch let failure as ToolFailure {
      #expect(failure.message == "search_files: ( is not a valid regular expression")
    }
  }
}
