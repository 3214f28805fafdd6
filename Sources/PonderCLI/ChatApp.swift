import Dispatch
import Foundation
import PonderCore
import PonderHTTP
import PonderScreen
import PonderStore
import PonderTerminal
import PonderTools

/// The TUI's event loop: the single owner of ``AppState`` and of every curses call.
///
/// Keys, stream releases, timer ticks and signals arrive as events in one ``ChatInbox``, which
/// hands them to the loop's handler on the main actor; each is applied
/// to the state, the effects are performed (network, clipboard), and the screen is redrawn from
/// the state — after a buffer release, a key, a resize or a blink, never per token.
@MainActor
final class ChatApp {
  enum PumpControl: Sendable { case pause, resume }

  enum LoopEvent: Sendable {
    case app(AppMessage)
    case inputReady
    case windowChanged
    case terminate(String)
    /// SIGHUP: the terminal went away (an SSH drop, a closed window).
    case hangUp
    /// A detached stream ran past the time it may take.
    case detachLimitReached
  }

  private var state: AppState
  let terminal: CursesTerminal
  private let transport: any HTTPTransport
  private let backend: ChatBackend
  let inbox = ChatInbox<LoopEvent>()
  private let clock = ContinuousClock()
  private let started: ContinuousClock.Instant
  private var previous: CellGrid?
  private var pump: ResponsePump<NetworkClock>?
  /// The pump's clock: its deferred releases wake on the network thread the turn reads on.
  private let pumpClock: NetworkClock
  /// The running turn's pause/resume channel to its pump, read in order by one task.
  private var pumpControl: AsyncStream<PumpControl>.Continuation?
  private var readerTask: Task<Void, Never>?
  private var ticker: Task<Void, Never>?
  /// The model pull under way; cancelling it closes the connection.
  private var pullTask: Task<Void, Never>?
  private var signalSources: [DispatchSourceSignal] = []
  private var watcher: InputWatcher?
  private var exitReason: String?
  /// Resumed when the loop ends (quit, a signal, the end of a detached stream); nil after.
  private var loopEnded: CheckedContinuation<Void, Never>?
  private let tools: ToolSession
  private let coordinator: ToolStreamingCoordinator
  private let approvals = ApprovalDesk()
  /// Whether each model takes tools, learned once per model (Ollama's `/api/show`, or a refusal).
  private var toolSupport: [String: Bool] = [:]
  private let persistence: ChatPersistence
  /// After SIGHUP during a stream: the terminal is gone, nothing is drawn, the stream is read
  /// to its end (within `detachLimit`) and saved.
  private(set) var detached = false
  private let detachLimit: Duration
  private var detachTimedOut = false

  init(
    state: AppState, terminal: CursesTerminal, transport: any HTTPTransport, pumpClock: NetworkClock,
    backend: ChatBackend, tools: ToolSession, store: StoreOpening, detachLimit: Duration
  ) {
    self.state = state
    self.pumpClock = pumpClock
    self.detachLimit = detachLimit
    self.terminal = terminal
    self.backend = backend
    self.tools = tools
    started = clock.now
    let inbox = self.inbox
    // A busy server (429, 503) is asked again before anything streams; each try is in the Log.
    let transport = RetryingTransport(transport, clock: ContinuousClock()) { inbox.yield(.app(.note(.retry, $0))) }
    self.transport = transport
    let desk = approvals
    coordinator = tools.coordinator(backend: backend, transport: transport) { request in
      await desk.ask(request) { prompt in inbox.yield(.app(.approvalRequested(prompt))) }
    }
    persistence = ChatPersistence(opening: store, host: backend.baseURL, api: backend.kind.rawValue) {
      inbox.yield(.app($0))
    }
  }

  /// The conversation on screen was resumed from the store: the next turns go into it.
  func use(_ conversation: Int64) { persistence.use(conversation) }

  /// Runs until the user quits or a signal ends the app; returns why, for the shell.
  func run(startupNotes: [(LogKind, String)]) async -> String? {
    installSignals()
    let inbox = self.inbox
    watcher = try? InputWatcher { inbox.yield(.inputReady) }
    for (kind, text) in startupNotes { process(.note(kind, text)) }
    if let problem = persistence.unavailable { process(.savingStopped(problem)) }
    startupProbe()
    draw()
    // The loop is the inbox's handler: each event is applied and the screen redrawn, until quit.
    await withCheckedContinuation { (ended: CheckedContinuation<Void, Never>) in
      loopEnded = ended
      inbox.start { [unowned self] event in self.handle(event) }
    }
    ticker?.cancel()
    readerTask?.cancel()
    pullTask?.cancel()
    watcher?.stop()
    for source in signalSources { source.cancel() }
    if state.turn != nil {
      // Stopping mid-answer: keep what arrived. Quitting is the user's cancel; a signal interrupts.
      persistence.abandonTurn(state.quitRequested && exitReason == nil ? .cancelled : .interrupted)
    }
    persistence.flush()
    return exitReason
  }

  /// One event of the loop: applied to the state, then the screen redrawn; ends the loop on quit.
  private func handle(_ event: LoopEvent) {
    guard let ended = loopEnded else { return }
    switch event {
    case .inputReady:
      for key in terminal.readKeys() { process(.key(key)) }
      watcher?.rearm()
    case .windowChanged:
      let size = terminal.resize()
      previous = nil
      process(.resize(width: size.width, height: size.height))
    case .terminate(let reason):
      exitReason = reason
      readerTask?.cancel()
    case .hangUp:
      hangUp()
    case .detachLimitReached:
      detachTimedOut = true
      readerTask?.cancel()
    case .app(let message):
      if case .stream(let batch) = message { persistence.record(batch) }
      if detached, case .approvalRequested(let prompt) = message {
        // Nobody can answer: the call is denied and the model is told.
        answerApproval(.deny, prompt.call)
        return
      }
      process(message)
    }
    if detached, state.turn == nil { exitReason = exitReason ?? "hang-up" }
    if state.quitRequested || exitReason != nil {
      loopEnded = nil
      inbox.stop()
      ended.resume()
      return
    }
    updateTicker()
    draw()
  }

  /// SIGHUP. Idle: quit. Mid-answer: stop drawing and reading keys, un-pause, and let the stream
  /// run to its end (at most `detachLimit`); the loop quits when the turn ends, and the answer is
  /// saved as finished while detached.
  private func hangUp() {
    guard state.turn != nil, !detached else {
      exitReason = "hang-up"
      readerTask?.cancel()
      return
    }
    detached = true
    watcher?.stop()
    watcher = nil
    pumpControl?.yield(.resume)
    if case .approval(let prompt)? = state.overlay { answerApproval(.deny, prompt.call) }
    let inbox = self.inbox
    let limit = detachLimit
    Task {
      try? await Task.sleep(for: limit)
      inbox.yield(.detachLimitReached)
    }
  }

  // MARK: - State and effects

  private func process(_ message: AppMessage) {
    for effect in state.update(message, at: stamp()) { perform(effect) }
  }

  private func perform(_ effect: Effect) {
    switch effect {
    case .startTurn(let request):
      startTurn(request)
      persistence.startTurn(
        request,
        settings: ConversationSettings(system: state.systemPrompt, think: state.think, options: request.options))
    case .turnFinished(var messages):
      if detached, let last = messages.indices.last {
        if detachTimedOut, messages[last].status == .cancelled {
          messages[last].status = .interrupted
        } else if messages[last].status == .complete {
          messages[last].status = .detached
        }
      }
      persistence.finishTurn(messages)
    case .newConversation: persistence.use(nil)
    case .dropLastExchange: persistence.dropLastExchange()
    case .loadContextWindow(let model):
      let client = StreamingClient(transport: transport)
      let backend = self.backend
      let inbox = self.inbox
      Task {
        let window = await backend.contextWindow(for: model, client: client)
        inbox.yield(.app(.contextWindowLoaded(model: model, window: window)))
      }
    case .loadModelDetails(let names):
      let client = StreamingClient(transport: transport)
      let backend = self.backend
      let inbox = self.inbox
      Task {
        for name in names {
          let details = await backend.modelDetails(for: name, client: client)
          inbox.yield(.app(.modelDetailsLoaded(model: name, details)))
        }
      }
    case .pullModel(let name):
      let puller = ModelPuller(transport: transport, backend: backend)
      let inbox = self.inbox
      pullTask = Task {
        let result = await puller.pull(name) { inbox.yield(.app(.pullProgress($0))) }
        switch result {
        case .success: inbox.yield(.app(.pullEnded(model: name, nil)))
        case .failure(let error): inbox.yield(.app(.pullEnded(model: name, error)))
        }
      }
    case .cancelPull: pullTask?.cancel()
    case .attach(let path):
      let inbox = self.inbox
      // File reads block: a dispatch thread, not the cooperative pool that paces the stream.
      DispatchQueue.global(qos: .userInitiated).async {
        switch AttachmentLoader.load(path) {
        case .success(let attachment): inbox.yield(.app(.attachmentLoaded(attachment)))
        case .failure(let problem): inbox.yield(.app(.note(.error, problem.message)))
        }
      }
    case .listSessions(let query): persistence.list(query)
    case .openSession(let id): persistence.open(id)
    case .renameSession(let id, let title): persistence.rename(id, to: title, thenList: sessionsQuery)
    case .deleteSession(let id): persistence.delete(id, thenList: sessionsQuery)
    case .cancelTurn: readerTask?.cancel()
    case .pauseStream: pumpControl?.yield(.pause)
    case .resumeStream: pumpControl?.yield(.resume)
    case .copy(let text, let label): copy(text, label: label)
    case .answerApproval(let decision, let call): answerApproval(decision, call)
    case .loadModels: loadModels()
    case .redraw:
      terminal.forceRedraw()
      previous = nil
    case .suspend:
      let size = terminal.suspend()
      previous = nil
      process(.resize(width: size.width, height: size.height))
    case .quit: break
    }
  }

  /// The filter of the open sessions screen.
  private var sessionsQuery: String {
    if case .sessions(let browser)? = state.overlay { return browser.queryText }
    return ""
  }

  private func startTurn(_ request: ChatRequest) {
    let inbox = self.inbox
    // Pause and resume reach the pump in the order they were pressed: one channel, one reader.
    pumpControl?.finish()
    let (controls, control) = AsyncStream.makeStream(of: PumpControl.self)
    pumpControl = control
    // Releases go straight into the loop's inbox: no task relays them.
    let executor = transport.readingExecutor
    let pump = ResponsePump(clock: pumpClock, executor: executor) { output in
      switch output {
      case .release(let batch): inbox.yield(.app(.stream(batch)))
      case .readingStopped(let bytes): inbox.yield(.app(.backlog(bytes)))
      case .finished:
        control.finish()
        inbox.yield(.app(.streamEnded))
      }
    }
    self.pump = pump
    Task {
      for await command in controls {
        switch command {
        case .pause: await pump.pause()
        case .resume: await pump.resume()
        }
      }
    }
    let coordinator = self.coordinator
    // Cancelling this task closes the connection (that is what makes the server stop) or kills
    // the running tool; the turn's outcome still arrives, in order, through the pump. It runs on
    // the network thread: a chunk is read, decoded and paced there, and only releases (at most
    // 20 a second) wake this loop.
    readerTask = Task(executorPreference: executor) {
      let supported = await self.toolsSupported(by: request.model)
      let outcome = await coordinator.run(request, toolsSupported: supported) { await pump.feed($0) }
      if outcome.toolsRefused { await MainActor.run { self.toolSupport[request.model] = false } }
      await pump.feed([.turnEnded(outcome)])
      await pump.finishFeeding()
    }
  }

  /// Whether to offer tools to `model`: asked once per model, the answer logged.
  private func toolsSupported(by model: String) async -> Bool {
    if tools.registry.tools.isEmpty { return false }
    if let known = toolSupport[model] { return known }
    let (supported, reason) = await backend.toolSupport(for: model, client: StreamingClient(transport: transport))
    toolSupport[model] = supported
    inbox.yield(.app(.note(.tool, reason)))
    return supported
  }

  private func answerApproval(_ decision: ApprovalDecision, _ call: ToolCall) {
    if decision == .alwaysAllow {
      if let problem = ToolSession.saveAlwaysAllow(call.name) {
        process(.note(.error, problem))
      } else {
        process(.note(.tool, "\(call.name) is always allowed now (saved in \(ConfigLoader.path ?? "the config file"))"))
      }
    }
    let desk = approvals
    Task { await desk.answer(decision, for: call) }
  }

  private func loadModels() {
    let client = StreamingClient(transport: transport)
    let request = backend.modelsRequest()
    let backend = self.backend
    let inbox = self.inbox
    Task {
      do {
        let models = backend.models(from: try await client.fetchJSON(request))
        inbox.yield(.app(.modelsLoaded(.success(models))))
      } catch {
        inbox.yield(.app(.modelsLoaded(.failure(StreamingClient.connectError(error)))))
      }
    }
  }

  /// Lists the server's models: it proves the server is reachable (the Log says so), and opens
  /// the picker when no model was chosen.
  private func startupProbe() {
    process(.note(.request, "listing models of \(backend)"))
    loadModels()
  }

  // MARK: - Screen

  private func draw() {
    if detached { return }
    var grid = CellGrid(width: state.width, height: state.height)
    Screen.render(state, into: &grid)
    terminal.present(grid, previous: previous)
    previous = grid
  }

  private func updateTicker() {
    if state.wantsTicks, ticker == nil {
      let inbox = self.inbox
      let pump = self.pump
      ticker = Task {
        while !Task.isCancelled {
          try? await Task.sleep(for: .milliseconds(500))
          if let pump, await pump.isPaused { inbox.yield(.app(.backlog(await pump.backlogBytes))) }
          inbox.yield(.app(.tick))
        }
      }
    } else if !state.wantsTicks, let running = ticker {
      running.cancel()
      ticker = nil
    }
  }

  private func stamp() -> AppTime {
    var now = time(nil)
    var parts = tm()
    localtime_r(&now, &parts)
    func pad(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
    return AppTime(
      monotonic: clock.now - started, wallClock: "\(pad(parts.tm_hour)):\(pad(parts.tm_min)):\(pad(parts.tm_sec))")
  }

  private func installSignals() {
    let inbox = self.inbox
    let handlers: [(Int32, LoopEvent)] = [
      (SIGWINCH, .windowChanged), (SIGTERM, .terminate("terminated")), (SIGHUP, .hangUp),
      (SIGINT, .terminate("interrupted")),
    ]
    for (number, event) in handlers {
      signalSources.append(Self.signalSource(number, inbox: inbox, event: event))
    }
  }

  /// Built outside the main actor on purpose: the handler runs on a Dispatch queue, and a closure
  /// made in main-actor code would inherit that isolation and trap when called there.
  private nonisolated static func signalSource(
    _ number: Int32, inbox: ChatInbox<LoopEvent>, event: LoopEvent
  ) -> DispatchSourceSignal {
    signal(number, SIG_IGN)
    let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
    source.setEventHandler { inbox.yield(event) }
    source.resume()
    return source
  }
}
