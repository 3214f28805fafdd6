import PonderCore
import PonderStore
import PonderTools

/// Runs one `ponder ask`: picks the model, streams the response through the ResponseBuffer to the
/// printer, and turns the outcome into an exit status. Injected transport and sinks make it
/// testable against a scripted server.
public struct AskRunner: Sendable {
  public struct Settings: Sendable {
    public var server: ServerSelection
    public var model: String?
    public var configuredModel: String?
    public var system: String?
    public var think: ThinkSetting?
    public var options: JSONValue?
    public var keepAlive: JSONValue?
    public var format: AskPrinter.Format
    public var color: Bool

    public init(
      server: ServerSelection, model: String? = nil, configuredModel: String? = nil, system: String? = nil,
      think: ThinkSetting? = nil, options: JSONValue? = nil, keepAlive: JSONValue? = nil,
      format: AskPrinter.Format = .text, color: Bool = true
    ) {
      self.options = options
      self.keepAlive = keepAlive
      self.server = server
      self.model = model
      self.configuredModel = configuredModel
      self.system = system
      self.think = think
      self.format = format
      self.color = color
    }
  }

  /// Where the answer is saved, and the conversation it continues.
  public struct Saving: Sendable {
    public var store: ConversationStore
    /// The conversation to continue; `nil` starts one.
    public var conversation: Int64?
    /// Its messages so far, sent before the prompt.
    public var history: [ChatMessage]
    /// Whether a signal (not Ctrl-C) stopped the answer: it is saved as interrupted.
    public var stoppedBySignal: @Sendable () -> Bool

    public init(
      store: ConversationStore, conversation: Int64? = nil, history: [ChatMessage] = [],
      stoppedBySignal: @escaping @Sendable () -> Bool = { false }
    ) {
      self.store = store
      self.conversation = conversation
      self.history = history
      self.stoppedBySignal = stoppedBySignal
    }
  }

  let transport: any HTTPTransport
  let settings: Settings
  let tools: ToolSession?

  /// - Parameter tools: the tools to offer; `nil` offers none.
  init(transport: any HTTPTransport, settings: Settings, tools: ToolSession?) {
    self.transport = transport
    self.settings = settings
    self.tools = tools
  }

  public init(transport: any HTTPTransport, settings: Settings) {
    self.init(transport: transport, settings: settings, tools: nil)
  }

  /// Streams the answer to `prompt`. `onStart` receives the task reading the network, so a
  /// Ctrl-C handler can cancel it (which closes the connection) while the output drains.
  public func run(
    prompt: String, out: any OutputSink, err: any OutputSink, saving: Saving? = nil,
    onStart: @Sendable (Task<Void, Never>) -> Void = { _ in }
  ) async -> PonderExit {
    let client = StreamingClient(transport: transport)
    let backend: ChatBackend
    switch await settings.server.resolve(client: client) {
    case .success(let resolved):
      backend = resolved.backend
      if let note = resolved.note, settings.format == .text, settings.model == nil { err.note("\(note)") }
    case .failure(let error):
      err.note("\(describe(error, model: settings.model, host: settings.server.displayHost))")
      return PonderExit(error)
    }
    let host = backend.baseURL
    let model: String
    switch await resolveModel(client: client, backend: backend, err: err) {
    case .success(let name): model = name
    case .failure(let error):
      err.note("\(describe(error, model: settings.model, host: host))")
      return PonderExit(error)
    }
    var messages: [ChatMessage] = []
    if let system = settings.system { messages.append(.system(system)) }
    messages += saving?.history ?? []
    messages.append(.user(prompt))
    let recorder = saving.map { saving in
      ConversationRecorder(
        store: saving.store, host: host, api: backend.kind.rawValue, conversation: saving.conversation
      ) { report in
        if case .failed(let reason) = report { err.note("not saved: \(reason)") }
      }
    }
    recorder?.startTurn(
      prompt: .user(prompt), model: model,
      settings: ConversationSettings(system: settings.system, think: settings.think, options: settings.options))
    let request = ChatRequest(
      model: model, messages: messages, think: settings.think, options: settings.options, keepAlive: settings.keepAlive)
    let coordinator =
      tools?.coordinator(backend: backend, transport: transport, approve: { _ in .deny })
      ?? Self.plainCoordinator(transport: transport, backend: backend)
    let offersTools = !(tools?.registry.tools.isEmpty ?? true)
    let toolsSupported = offersTools ? await backend.toolSupport(for: model, client: client).supported : false

    let clock = ContinuousClock()
    let started = clock.now
    // As in the chat: the turn is read, decoded and paced on the network thread.
    let executor = transport.readingExecutor
    let (pump, outputs) = ResponsePump.streaming(clock: clock, executor: executor)
    let reader = Task(executorPreference: executor) {
      let outcome = await coordinator.run(request, toolsSupported: toolsSupported) { await pump.feed($0) }
      await pump.feed([.turnEnded(outcome)])
      await pump.finishFeeding()
    }
    onStart(reader)
    // On a terminal, a long silence before the first token is explained once (a model loading).
    let loadingNote: Task<Void, Never>? =
      err.isTerminal && settings.format == .text
      ? Task {
        try? await Task.sleep(for: .seconds(10))
        if !Task.isCancelled { err.note("waiting for \(host) (loading the model?): no data for 10 s") }
      } : nil
    let printer = AskPrinter(format: settings.format, out: out, err: err, color: settings.color)
    var firstText: ContinuousClock.Instant?
    var outcome: ToolTurnOutcome?
    var toolCalls = 0
    var answered = false
    var reasoned = false
    for await output in outputs {
      guard case .release(let released) = output else { continue }
      let batch = released.events
      for event in batch {
        if case .answer(let text) = event, !text.isEmpty { answered = true }
        if case .reasoning(let text) = event, !text.isEmpty { reasoned = true }
      }
      if firstText == nil,
        batch.contains(where: { if case .answer = $0 { true } else if case .reasoning = $0 { true } else { false } })
      {
        firstText = clock.now
        loadingNote?.cancel()
      }
      printer.print(batch)
      recorder?.record(released)
      // Nobody reads the answer any more: stop the server generating it for nobody.
      if out.writeFailure != nil, !reader.isCancelled { reader.cancel() }
      for event in released.toolEvents {
        switch event {
        case .turnEnded(let ended): outcome = ended
        case .toolCall: toolCalls += 1
        default: break
        }
        printer.print(tool: event)
      }
    }
    await reader.value
    loadingNote?.cancel()
    let elapsed = clock.now - started
    let timeToFirst = firstText.map { $0 - started }
    if let recorder {
      Self.save(
        outcome, to: recorder, model: model,
        interrupted: (saving?.stoppedBySignal() ?? false) || out.writeFailure != nil,
        stats: MessageStats(
          timeToFirstTokenMilliseconds: timeToFirst.map(\.milliseconds), elapsedMilliseconds: elapsed.milliseconds))
    }
    let toolNote = toolCalls > 0 ? " · \(toolCalls) tool call\(toolCalls == 1 ? "" : "s")" : ""
    if let failure = out.writeFailure {
      err.note("cannot write the answer (\(failure)); the connection to \(host) was closed")
      return .writeFailed
    }
    switch outcome?.ending {
    case .answered(let stats)?:
      let generating = firstText.map { clock.now - $0 }
      let summary = Self.summary(stats, timeToFirst: timeToFirst, elapsed: elapsed, generating: generating) + toolNote
      printer.finish(summary: settings.format == .text ? summary : nil)
      if LengthLimit.stopped(stats.doneReason) {
        err.note("warning: \(cutOffWarning(stats, answered: answered, reasoned: reasoned))")
        return .cutOff
      }
      return .done
    case .stepLimit?:
      printer.finish(summary: nil)
      if settings.format == .text, let note = outcome?.note { err.note("\(note)") }
      return .done
    case .cancelled?:
      printer.finish(summary: nil)
      err.note("\(describe(ChatError(.cancelled, "cancelled"), model: model, host: host))")
      return .interrupted
    case .failed(let error)?:
      printer.finish(summary: nil)
      if settings.format == .text || error.kind == .cancelled {
        err.note("\(describe(error, model: model, host: host))")
      }
      return PonderExit(error)
    case nil:
      printer.finish(summary: nil)
      err.note("the stream ended without a result")
      return .streamFailed
    }
  }

  /// What to say on stderr when the answer stopped at the length limit, with the way out.
  func cutOffWarning(_ stats: GenerationStats, answered: Bool, reasoned: Bool) -> String {
    let reason = stats.doneReason ?? "length"
    let tokens = stats.completionTokens.map { " after \($0) tokens" } ?? ""
    let room = LengthLimit.moreRoom(used: stats.completionTokens ?? 0, limit: LengthLimit.limit(in: settings.options))
    let retry = "retry with more room (--option num_predict=\(room))"
    if !answered, reasoned {
      return
        "no answer: the model was cut off by the length limit (\(reason)) while thinking\(tokens); \(retry), or without thinking (--no-think)"
    }
    return "the answer was \(MessageStatus.cutOff.label) (\(reason))\(tokens) and is incomplete; \(retry)"
  }

  /// Saves how the turn ended; waits until it is written.
  static func save(
    _ outcome: ToolTurnOutcome?, to recorder: ConversationRecorder, model: String, interrupted: Bool,
    stats: MessageStats
  ) {
    defer { recorder.flush() }
    guard let outcome else {
      recorder.abandonTurn(.interrupted)
      return
    }
    let ending = outcome.ending.terminalEvent
    var figures = stats
    if case .done(let server) = ending {
      figures = MessageStats(
        server, timeToFirstTokenMilliseconds: stats.timeToFirstTokenMilliseconds,
        elapsedMilliseconds: stats.elapsedMilliseconds)
    }
    var messages = TurnRecord.messages(added: outcome.messages, ending: ending, stats: figures, model: model)
    if interrupted, let last = messages.indices.last, messages[last].status == .cancelled {
      messages[last].status = .interrupted
    }
    recorder.finishTurn(messages)
  }

  /// A coordinator with no tools, for callers that offer none: the turn is one plain response.
  static func plainCoordinator(transport: any HTTPTransport, backend: ChatBackend) -> ToolStreamingCoordinator {
    ToolStreamingCoordinator(
      backend: backend, transport: transport, registry: ToolRegistry([]), context: ToolContext(workspace: .empty),
      policy: ApprovalPolicy(isInteractive: false), approve: { _ in .deny })
  }

  private func resolveModel(client: StreamingClient, backend: ChatBackend, err: any OutputSink) async -> Result<
    String, ChatError
  > {
    if let model = settings.model ?? settings.configuredModel { return .success(model) }
    do {
      let models = backend.models(from: try await client.fetchJSON(backend.modelsRequest()))
      guard let first = models.first else {
        return .failure(
          ChatError(.unavailable, "\(backend.baseURL) has no models; pull one (ollama pull NAME) or pass --model"))
      }
      err.note("no --model given; using \(first.name), the first model \(backend.baseURL) lists")
      return .success(first.name)
    } catch {
      return .failure(error)
    }
  }

  /// One line naming the cause: host, model, HTTP status and the server's own message.
  func describe(_ error: ChatError, model: String?, host: String) -> String {
    switch error.kind {
    case .cannotConnect:
      return "cannot connect to \(host): \(error.message)\(Self.connectHint(error.message))"
    case .rejected(let status):
      let subject = model.map { "model \($0) at \(host)" } ?? host
      return "\(subject) rejected the request (HTTP \(status)): \(error.message)"
    case .unavailable: return error.message
    case .server: return "\(host) reported an error mid-stream: \(error.message)"
    case .truncated: return "\(host) ended the stream early (\(error.message)); the partial answer above is incomplete"
    case .connectionLost:
      return "lost the connection to \(host): \(error.message); the partial answer above is incomplete"
    case .malformed: return "\(host) sent a malformed stream: \(error.message)"
    case .cancelled: return "interrupted; the connection to \(host) was closed"
    }
  }

  /// What to try after a failed connection, unless the cause already says it.
  static func connectHint(_ cause: String) -> String {
    if cause.contains("TLS") { return "" }
    if cause.hasPrefix("unknown host") { return " (check --host or OLLAMA_HOST)" }
    return " (is the server running? set --host or OLLAMA_HOST)"
  }

  static func summary(_ stats: GenerationStats, timeToFirst: Duration?, elapsed: Duration, generating: Duration? = nil)
    -> String
  {
    var parts: [String] = []
    if let tokens = stats.completionTokens { parts.append("\(tokens) tokens") }
    if let speed = stats.tokensPerSecond {
      parts.append(String(format1: speed) + " tok/s")
    } else if let tokens = stats.completionTokens, let generating, generating.seconds > 0.01 {
      // The server sent counts but no timings (Anthropic-style streams): measure it here.
      parts.append(String(format1: Double(tokens) / generating.seconds) + " tok/s (measured)")
    }
    if let timeToFirst { parts.append("first token \(timeToFirst.milliseconds) ms") }
    parts.append(String(format1: elapsed.seconds) + " s")
    parts.append("done: \(stats.doneReason ?? "stop")")
    return parts.joined(separator: " · ")
  }

}
