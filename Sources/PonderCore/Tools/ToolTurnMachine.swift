/// The rules of a tool-using turn, as a value with no I/O: fed the events of each response and the
/// outcomes of approvals and tool runs, it says what to do next (AsyncHTTPClient style, see
/// architecture-anchors.md §8.4 rule 2).
///
/// A response's text, reasoning and tool calls are accumulated. When it ends with calls, each is
/// checked (arguments, known tool, ``ApprovalPolicy``), asked about when needed, run in batches,
/// and the assistant message plus one result per call is appended to the history and sent back,
/// up to `maxSteps` tool rounds. A 4xx/5xx refusal of tools before any output is retried once
/// without tools. The driver (`ToolStreamingCoordinator` in `PonderTools`) executes the actions.
public struct ToolTurnMachine: Sendable {
  /// The request for the next response: the conversation so far, with tools when offered.
  public private(set) var request: ChatRequest
  /// The approval rules, with the user's answers of this turn recorded.
  public private(set) var policy: ApprovalPolicy
  /// What the turn has added to the conversation so far.
  public private(set) var transcript: [ChatMessage] = []
  /// Tool rounds completed.
  public private(set) var step = 0
  public let maxSteps: Int

  private let tools: [String: ToolDefinition]
  private let toolsSupported: Bool
  private var state = State.streaming(received: false)
  private var retriedWithoutTools = false
  private var text = ""
  private var reasoning = ""
  private var calls: [ToolCall] = []
  private var round = ToolRound(calls: [])
  private var batches: [[Int]] = []

  /// - Parameters:
  ///   - request: the conversation up to and including the user's message; its `tools` are
  ///     replaced by `tools` (or by none when the model does not support them).
  ///   - toolsSupported: whether the model takes tools (Ollama's `/api/show` capabilities).
  public init(
    request: ChatRequest, tools: [ToolDefinition], toolsSupported: Bool, policy: ApprovalPolicy, maxSteps: Int = 10
  ) {
    var request = request
    request.tools = toolsSupported ? tools : []
    self.request = request
    self.policy = policy
    self.maxSteps = max(0, maxSteps)
    self.toolsSupported = toolsSupported
    self.tools = Dictionary(tools.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
  }

  /// The first actions: a notice when tools are held back, then the first request.
  public mutating func start() -> [Action] {
    var actions: [Action] = []
    if !toolsSupported, !tools.isEmpty {
      actions.append(.emit(.notice("\(request.model) does not support tools; they are not offered")))
    }
    return actions + [.send(request)]
  }

  /// Feeds one event of the response in progress.
  public mutating func receive(_ event: StreamEvent) -> [Action] {
    guard case .streaming(let received) = state else { return [] }
    switch event {
    case .reasoning(let fragment):
      state = .streaming(received: true)
      reasoning += fragment
      return [.emit(.stream(event))]
    case .answer(let fragment):
      state = .streaming(received: true)
      text += fragment
      return [.emit(.stream(event))]
    case .toolCalls(let newCalls):
      state = .streaming(received: true)
      calls += newCalls
      return newCalls.map { .emit(.toolCall($0)) }
    case .done(let stats):
      return [.emit(.responseDone(step: step, stats))] + responseEnded(stats)
    case .error(let error):
      return responseFailed(error, received: received)
    }
  }

  /// Reports the user's answer about the call named in the last ``Action/requestApproval(_:)``.
  public mutating func approvalDecided(_ decision: ApprovalDecision, for call: ToolCall) -> [Action] {
    guard case .approving(let index) = state, round.calls[index] == call else { return [] }
    policy.record(decision, for: call.name)
    var actions: [Action] = [.emit(.approval(call, .decidedByUser(decision)))]
    if decision.allows {
      round.approve(index)
    } else {
      let result = settle(index, .denied, ApprovalPolicy.denialMessage(toolName: call.name, byUser: true))
      actions.append(.emit(.toolFinished(result)))
    }
    return actions + decideRemaining()
  }

  /// Reports the results of the last ``Action/runTools(_:)`` batch, one per call, in its order.
  public mutating func toolsFinished(_ results: [ToolResult]) -> [Action] {
    guard case .running(let batchIndex) = state else { return [] }
    for (position, index) in batches[batchIndex].enumerated() {
      let result = position < results.count ? results[position] : nil
      round.record(
        result ?? ToolResult(call: round.calls[index], content: "The tool returned no result.", status: .failed),
        at: index)
    }
    return runBatch(batchIndex + 1)
  }

  /// Ends the turn at once: calls without a result are recorded as not run, and the transcript
  /// keeps what ran and what it returned.
  public mutating func cancel() -> [Action] {
    switch state {
    case .finished:
      return []
    case .streaming:
      recordPartialAnswer()
    case .approving, .running:
      round.settleRemaining(status: .notRun, content: "Not run: the user cancelled the turn.")
      recordRound()
    }
    state = .finished
    return [.finish(outcome(.cancelled))]
  }

  /// The turn's outcome as it stands: the transcript so far with this ending.
  public func outcome(_ ending: ToolTurnOutcome.Ending, note: String? = nil) -> ToolTurnOutcome {
    ToolTurnOutcome(messages: transcript, ending: ending, steps: step, note: note, toolsRefused: retriedWithoutTools)
  }

  // MARK: - Responses

  private mutating func responseEnded(_ stats: GenerationStats) -> [Action] {
    guard !calls.isEmpty else {
      transcript.append(ChatMessage(role: .assistant, content: text, thinking: reasoning.nonEmpty))
      state = .finished
      return [.finish(outcome(.answered(stats)))]
    }
    round = ToolRound(calls: calls)
    guard step < maxSteps else {
      let note =
        "stopped after \(maxSteps) tool steps (the step limit); "
        + "the model's last \(calls.count) tool call(s) were not run"
      round.settleRemaining(status: .notRun, content: "Not run: this turn reached its limit of \(maxSteps) tool steps.")
      recordRound()
      state = .finished
      return [.emit(.notice(note)), .finish(outcome(.stepLimit(maxSteps), note: note))]
    }
    return decideRemaining()
  }

  private mutating func responseFailed(_ error: ChatError, received: Bool) -> [Action] {
    if error.kind == .cancelled { return cancel() }
    if !received, step == 0, !retriedWithoutTools, !request.tools.isEmpty, Self.refusesTools(error) {
      retriedWithoutTools = true
      request.tools = []
      let notice = "the server refused tools (\(error)); retrying once without tools"
      return [.emit(.notice(notice)), .send(request)]
    }
    recordPartialAnswer()
    state = .finished
    return [.fail(error)]
  }

  /// A rejection that names tools: Ollama's 400 "… does not support tools", llama.cpp's
  /// "tools param requires --jinja flag" and the like.
  static func refusesTools(_ error: ChatError) -> Bool {
    guard case .rejected(let status) = error.kind, (400..<600).contains(status) else { return false }
    return error.message.lowercased().contains("tool")
  }

  // MARK: - Approval and running

  private mutating func decideRemaining() -> [Action] {
    var actions: [Action] = []
    while let index = round.nextUndecided {
      let call = round.calls[index]
      if let problem = problem(with: call) {
        actions.append(.emit(.toolFinished(settle(index, .failed, problem))))
        continue
      }
      guard let tool = tools[call.name] else {
        actions.append(.emit(.toolFinished(settle(index, .failed, "There is no tool named \(call.name)."))))
        continue
      }
      switch policy.verdict(for: tool) {
      case .allow(let reason):
        round.approve(index)
        actions.append(.emit(.approval(call, .allowedByPolicy(reason))))
      case .deny(let reason):
        actions.append(.emit(.approval(call, .deniedByPolicy(reason))))
        let text = ApprovalPolicy.denialMessage(toolName: call.name, byUser: false, reason: reason)
        actions.append(.emit(.toolFinished(settle(index, .denied, text))))
      case .ask:
        state = .approving(index)
        return actions + [.requestApproval(call)]
      }
    }
    batches = round.batches { tools[$0.name]?.isReadOnly ?? false }
    return actions + runBatch(0)
  }

  /// Why a call cannot run at all, as the model should read it; `nil` when it can.
  private func problem(with call: ToolCall) -> String? {
    if request.tools.isEmpty { return "No tools are available in this conversation; answer without them." }
    if let error = call.argumentsError {
      return "The arguments for \(call.name) are not a valid JSON object (\(error)). "
        + "Call it again with a JSON object that matches its parameter schema."
    }
    if tools[call.name] == nil || !request.tools.contains(where: { $0.name == call.name }) {
      let names = request.tools.map(\.name).joined(separator: ", ")
      return "There is no tool named \(call.name). Available tools: \(names)."
    }
    return nil
  }

  private mutating func settle(_ index: Int, _ status: ToolResult.Status, _ content: String) -> ToolResult {
    round.settle(index, status: status, content: content)
    return ToolResult(call: round.calls[index], content: content, status: status)
  }

  private mutating func runBatch(_ batchIndex: Int) -> [Action] {
    guard batchIndex < batches.count else { return followUp() }
    state = .running(batchIndex)
    return [.runTools(batches[batchIndex].map { round.calls[$0] })]
  }

  private mutating func followUp() -> [Action] {
    let added = recordRound()
    request.messages += added
    step += 1
    state = .streaming(received: false)
    return [.sendFollowUp(added)]
  }

  // MARK: - History

  /// Appends the assistant message with its calls and one result per call; resets the response.
  @discardableResult
  private mutating func recordRound() -> [ChatMessage] {
    let assistant = ChatMessage(role: .assistant, content: text, thinking: reasoning.nonEmpty, toolCalls: round.calls)
    let added = [assistant] + round.orderedResults.map(\.message)
    transcript += added
    resetResponse()
    return added
  }

  /// Keeps text that arrived before a failure or cancel; calls that never completed are dropped.
  private mutating func recordPartialAnswer() {
    if !text.isEmpty || !reasoning.isEmpty {
      transcript.append(ChatMessage(role: .assistant, content: text, thinking: reasoning.nonEmpty))
    }
    resetResponse()
  }

  private mutating func resetResponse() {
    text = ""
    reasoning = ""
    calls = []
    round = ToolRound(calls: [])
    batches = []
  }
}
