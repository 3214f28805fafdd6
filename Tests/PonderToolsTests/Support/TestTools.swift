import Foundation
import PonderCore
import PonderTools

/// A tool that answers with a fixed text and counts its runs.
struct StubTool: Tool {
  let name: String
  let isReadOnly: Bool
  let answer: String
  let runs: RunCounter
  var description: String { "stub \(name)" }
  var parameters: JSONValue { ["type": "object"] }

  init(_ name: String, readOnly: Bool, answer: String = "ok", runs: RunCounter = RunCounter()) {
    self.name = name
    isReadOnly = readOnly
    self.answer = answer
    self.runs = runs
  }

  func run(_ arguments: JSONValue, context: ToolContext) async throws -> ToolOutput {
    runs.increment()
    return .ok(answer + " " + arguments.serialized)
  }
}

final class RunCounter: @unchecked Sendable {
  private let lock = NSLock()
  private var value = 0
  func increment() { lock.withLock { value += 1 } }
  var count: Int { lock.withLock { value } }
}

/// A read-only tool that waits until `expected` runs have arrived: two calls can only both
/// return "met" if they run at the same time. Gives up after a minute (and says "alone"):
/// calls that run one after the other fail the test instead of hanging it.
struct RendezvousTool: Tool {
  let gate: Rendezvous
  var name: String { "meet" }
  var isReadOnly: Bool { true }
  var description: String { "waits for the others" }
  var parameters: JSONValue { ["type": "object"] }

  func run(_ arguments: JSONValue, context: ToolContext) async throws -> ToolOutput {
    .ok(await gate.arrive() ? "met" : "alone")
  }
}

actor Rendezvous {
  private let expected: Int
  private var waiting: [CheckedContinuation<Bool, Never>] = []

  init(expected: Int) {
    self.expected = expected
  }

  func arrive() async -> Bool {
    if waiting.count + 1 >= expected {
      waiting.forEach { $0.resume(returning: true) }
      waiting = []
      return true
    }
    let timeout = Task {
      try await Task.sleep(for: .seconds(60))
      self.giveUp()
    }
    defer { timeout.cancel() }
    return await withCheckedContinuation { waiting.append($0) }
  }

  private func giveUp() {
    waiting.forEach { $0.resume(returning: false) }
    waiting = []
  }
}

/// A read-only tool that runs until it is cancelled.
struct HangingTool: Tool {
  var name: String { "hang" }
  var isReadOnly: Bool { true }
  var description: String { "never ends by itself" }
  var parameters: JSONValue { ["type": "object"] }

  func run(_ arguments: JSONValue, context: ToolContext) async throws -> ToolOutput {
    try await Task.sleep(for: .seconds(300))
    return .ok("woke up")
  }
}
