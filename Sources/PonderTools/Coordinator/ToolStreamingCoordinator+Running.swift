import PonderCore

extension ToolStreamingCoordinator {
  /// Runs one batch: a single call directly, several (read-only) calls concurrently. Results come
  /// back in the batch's order whatever order they finished in.
  func execute(_ calls: [ToolCall], emit: @escaping Sink) async -> [ToolResult] {
    let registry = registry
    let context = context
    if calls.count == 1, let call = calls.first {
      return [await Self.run(call, tool: registry.tool(named: call.name), context: context, emit: emit)]
    }
    return await withTaskGroup(of: (Int, ToolResult).self) { group in
      for (index, call) in calls.enumerated() {
        let tool = registry.tool(named: call.name)
        group.addTask { (index, await Self.run(call, tool: tool, context: context, emit: emit)) }
      }
      var results: [(Int, ToolResult)] = []
      for await result in group { results.append(result) }
      return results.sorted { $0.0 < $1.0 }.map(\.1)
    }
  }

  /// Runs one call and turns whatever happens into a result, timing it.
  static func run(_ call: ToolCall, tool: (any Tool)?, context: ToolContext, emit: Sink) async -> ToolResult {
    guard let tool else {
      return ToolResult(call: call, content: "There is no tool named \(call.name).", status: .failed)
    }
    await emit([.toolStarted(call)])
    let clock = ContinuousClock()
    let started = clock.now
    var result: ToolResult
    do {
      // Tools block (file reads, processes): on Swift's global executor, never on the thread
      // that reads the network, which the turn's task may prefer.
      let output = try await withTaskExecutorPreference(globalConcurrentExecutor) {
        try await tool.run(call.arguments, context: context)
      }
      let status: ToolResult.Status = Task.isCancelled ? .cancelled : output.isOK ? .ok : .failed
      result = ToolResult(call: call, content: output.text, status: status)
    } catch let failure as ToolFailure {
      result = ToolResult(call: call, content: failure.message, status: Task.isCancelled ? .cancelled : .failed)
    } catch is CancellationError {
      let text = "Cancelled by the user before \(call.name) produced a result."
      result = ToolResult(call: call, content: text, status: .cancelled)
    } catch {
      result = ToolResult(call: call, content: "\(call.name) failed: \(error)", status: .failed)
    }
    result.duration = clock.now - started
    await emit([.toolFinished(result)])
    return result
  }
}
