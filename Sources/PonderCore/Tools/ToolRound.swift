/// The tool calls of one response on their way to results: which are decided, which approved,
/// in which batches they run, and what each returned.
///
/// Results are kept by call position, so the follow-up answers the calls in the order the model
/// made them whatever order they finished in.
struct ToolRound: Sendable, Equatable {
  let calls: [ToolCall]
  private(set) var results: [ToolResult?]
  private(set) var approved: [Bool]
  /// How many calls have been through approval (in order).
  private(set) var decidedCount = 0

  init(calls: [ToolCall]) {
    self.calls = calls
    results = Array(repeating: nil, count: calls.count)
    approved = Array(repeating: false, count: calls.count)
  }

  /// The next call still waiting for a decision.
  var nextUndecided: Int? { decidedCount < calls.count ? decidedCount : nil }

  mutating func approve(_ index: Int) {
    approved[index] = true
    decidedCount = index + 1
  }

  /// Gives a call its result without running it (bad arguments, unknown tool, denied).
  mutating func settle(_ index: Int, status: ToolResult.Status, content: String) {
    results[index] = ToolResult(call: calls[index], content: content, status: status)
    decidedCount = max(decidedCount, index + 1)
  }

  mutating func record(_ result: ToolResult, at index: Int) {
    results[index] = result
  }

  /// Approved calls grouped for running, in order: consecutive read-only calls share a batch
  /// (they may run concurrently); every other call runs alone.
  func batches(isReadOnly: (ToolCall) -> Bool) -> [[Int]] {
    var batches: [[Int]] = []
    var readOnlyRun: [Int] = []
    for index in calls.indices where approved[index] && results[index] == nil {
      if isReadOnly(calls[index]) {
        readOnlyRun.append(index)
      } else {
        if !readOnlyRun.isEmpty { batches.append(readOnlyRun) }
        readOnlyRun = []
        batches.append([index])
      }
    }
    if !readOnlyRun.isEmpty { batches.append(readOnlyRun) }
    return batches
  }

  /// Gives every call without a result the same one (cancelled turn, step limit).
  mutating func settleRemaining(status: ToolResult.Status, content: String) {
    for index in calls.indices where results[index] == nil {
      results[index] = ToolResult(call: calls[index], content: content, status: status)
    }
    decidedCount = calls.count
  }

  /// One result per call, in call order (a missing one is reported as not run).
  var orderedResults: [ToolResult] {
    calls.indices.map { index in
      results[index] ?? ToolResult(call: calls[index], content: "No result was recorded.", status: .notRun)
    }
  }
}
