import PonderCore

/// Drives tool-using turns: executes what ``ToolTurnMachine`` decides — sends requests through an
/// injected ``HTTPTransport``, asks the approval callback, runs tools from the registry — and
/// streams every event through to its consumer, so reasoning and answer keep streaming across
/// tool steps while the Log shows each call, its approval and its result.
///
/// It lives in `PonderTools`, not `PonderCore`, because it runs tools (processes, file I/O) and
/// times them; the rules it follows are the pure machine in `PonderCore`, which the screen can use
/// without this module. It is an actor because it owns state that outlives a turn: the approval
/// policy with the session's "allow for this session" answers. One turn runs at a time.
///
/// Cancel a turn by cancelling the task that calls ``run(_:toolsSupported:emit:)``: a response in
/// progress is closed, a running tool is killed, and the outcome records what ran and what it
/// returned.
public actor ToolStreamingCoordinator {
  public typealias RequestBuilder = @Sendable (ChatRequest) -> HTTPRequestSpec
  public typealias DecoderFactory = @Sendable () -> any StreamDecoder
  public typealias Approver = @Sendable (ApprovalRequest) async -> ApprovalDecision
  public typealias Sink = @Sendable ([ToolTurnEvent]) async -> Void

  let client: StreamingClient
  let makeRequest: RequestBuilder
  let makeDecoder: DecoderFactory
  let registry: ToolRegistry
  let context: ToolContext
  let approve: Approver
  let maxSteps: Int
  /// The approval rules with the answers given so far in this session.
  public private(set) var policy: ApprovalPolicy
  private var isRunning = false

  /// - Parameters:
  ///   - makeRequest: the protocol's request builder (`ChatBackend.chatRequest`, `OllamaAPI.chatRequest`).
  ///   - makeDecoder: a fresh decoder for each response.
  ///   - approve: asks the user; must return promptly (`.deny`) when its task is cancelled.
  public init(
    transport: any HTTPTransport, makeRequest: @escaping RequestBuilder, makeDecoder: @escaping DecoderFactory,
    registry: ToolRegistry, context: ToolContext, policy: ApprovalPolicy, maxSteps: Int = 10,
    approve: @escaping Approver
  ) {
    client = StreamingClient(transport: transport)
    self.makeRequest = makeRequest
    self.makeDecoder = makeDecoder
    self.registry = registry
    self.context = context
    self.policy = policy
    self.maxSteps = maxSteps
    self.approve = approve
  }

  /// A coordinator for `backend`: its request builder, and a fresh decoder per response.
  public init(
    backend: ChatBackend, transport: any HTTPTransport, registry: ToolRegistry, context: ToolContext,
    policy: ApprovalPolicy, maxSteps: Int = 10, approve: @escaping Approver
  ) {
    self.init(
      transport: transport, makeRequest: { backend.chatRequest($0) }, makeDecoder: { backend.makeDecoder() },
      registry: registry, context: context, policy: policy, maxSteps: maxSteps, approve: approve)
  }

  /// Runs one turn to its end.
  /// - Parameters:
  ///   - request: the conversation up to and including the user's message (its `tools` are set here).
  ///   - toolsSupported: whether the model takes tools (from Ollama's `/api/show` capabilities, or
  ///     `true` for servers that cannot say); no tools are offered otherwise.
  ///   - emit: receives events in order, a batch at a time; awaited, so a slow consumer slows the turn.
  /// - Returns: how the turn ended and the messages it added to the conversation.
  public func run(_ request: ChatRequest, toolsSupported: Bool, emit: @escaping Sink) async -> ToolTurnOutcome {
    guard !isRunning else {
      let busy = ChatError(.unavailable, "another turn is already running on this coordinator")
      return ToolTurnOutcome(messages: [], ending: .failed(busy), steps: 0)
    }
    isRunning = true
    defer { isRunning = false }
    var machine = ToolTurnMachine(
      request: request, tools: registry.definitions, toolsSupported: toolsSupported, policy: policy, maxSteps: maxSteps)
    let outcome = await drive(&machine, emit: emit)
    policy = machine.policy
    return outcome
  }

  private func drive(_ machine: inout ToolTurnMachine, emit: @escaping Sink) async -> ToolTurnOutcome {
    var queue = machine.start()
    var outbox: [ToolTurnEvent] = []
    while !queue.isEmpty {
      let action = queue.removeFirst()
      if case .emit(let event) = action {
        outbox.append(event)
        continue
      }
      if !outbox.isEmpty {
        await emit(outbox)
        outbox = []
      }
      switch action {
      case .emit:
        continue
      case .send(let request):
        queue += await stream(request, into: &machine, emit: emit)
      case .sendFollowUp:
        queue += await stream(machine.request, into: &machine, emit: emit)
      case .requestApproval(let call):
        queue += await askApproval(call, machine: &machine)
      case .runTools(let calls):
        let results = await execute(calls, emit: emit)
        let next = machine.toolsFinished(results)
        queue = Task.isCancelled ? machine.cancel() : next
      case .finish(let outcome):
        return outcome
      case .fail(let error):
        return machine.outcome(.failed(error))
      }
    }
    return machine.outcome(.failed(ChatError(.malformed, "the turn ended without an outcome")))
  }

  /// Streams one response into the machine; returns the actions that follow its end.
  ///
  /// Nonisolated: it touches only constants and the machine it is handed, so the chunks are read,
  /// decoded and emitted on the reading task's executor without hopping onto this actor and off
  /// again for every chunk.
  nonisolated private func stream(
    _ request: ChatRequest, into machine: inout ToolTurnMachine, emit: @escaping Sink
  ) async -> [ToolTurnMachine.Action] {
    var after: [ToolTurnMachine.Action] = []
    for await batch in client.events(for: makeRequest(request), decoder: makeDecoder()) {
      var events: [ToolTurnEvent] = []
      for event in batch {
        for action in machine.receive(event) {
          if after.isEmpty, case .emit(let shown) = action { events.append(shown) } else { after.append(action) }
        }
      }
      if !events.isEmpty { await emit(events) }
    }
    if after.isEmpty {
      after = machine.receive(.error(ChatError(.truncated, "the response ended without a result")))
    }
    return after
  }

  private func askApproval(_ call: ToolCall, machine: inout ToolTurnMachine) async -> [ToolTurnMachine.Action] {
    guard let tool = registry.tool(named: call.name) else { return machine.approvalDecided(.deny, for: call) }
    let decision = await approve(
      ApprovalRequest(call: call, tool: tool.definition, workspaceRoot: context.workspace.root))
    return Task.isCancelled ? machine.cancel() : machine.approvalDecided(decision, for: call)
  }
}
