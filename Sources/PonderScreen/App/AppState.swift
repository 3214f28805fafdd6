import PonderCore

/// Everything the screen shows, changed only by ``update(_:at:)``.
///
/// The Elm-style contract: a message and the time it happened go in; the state changes and the
/// effects the loop must perform (start or cancel a turn, copy, quit) come out. No I/O, no clock,
/// no curses: the same state renders headless in tests and in the terminal.
public struct AppState: Sendable {
  public var width: Int
  public var height: Int
  public var model: String?
  public var hostLabel: String
  public var connectionLabel = "ready"
  public var systemPrompt: String?
  public var think: ThinkSetting?
  /// Model options sent with every request of this conversation (`/set`, the config's
  /// `[options]`, a retry with more room), as a JSON object.
  public var options: JSONValue?
  public var focus = Pane.input
  public var showLog = true
  public var showReasoning = true
  /// The pane zoomed to the whole screen (F6), if any; it has the focus.
  public var zoomed: Pane?
  public var input = InputEditor()
  public let log = TextDocument(maxLines: 2000)
  public let reasoning = TextDocument()
  public let answer = TextDocument()
  public var scroll: [Pane: ScrollState] = [:]
  public var turn: TurnState?
  public var lastTurn: TurnSummary?
  public var messages: [ChatMessage] = []
  public var overlay: Overlay?
  public var search: SearchState?
  /// Whether the next Ctrl-C on an empty input quits.
  public var quitGuard = QuitGuard()
  public var blinkOn = true
  public var now = AppTime.zero
  public var turnCount = 0
  public var lastAnswer = ""
  public var lastReasoning = ""
  public var models: [ModelInfo] = []
  /// The saved conversation on screen, once the store has it.
  public var conversationID: Int64?
  /// Why conversations are not being saved; `nil` while they are.
  public var savingProblem: String?
  /// What went wrong with the config file or the theme; shown in the header and status bar until
  /// Esc hides them (each also went to the Log).
  public var setupProblems: [SetupProblem] = []
  /// Files `/attach` added to the next message.
  public var attachments: [PromptAttachment] = []
  /// `/edit` put the last prompt back: sending replaces the last exchange.
  public var replacesLastExchange = false
  /// Context windows the server reported, by model.
  public var contextWindows: [String: Int] = [:]
  /// Tokens the last response's request and answer took, as the server counted them.
  public var contextTokens: Int?
  /// The server takes `num_ctx` (Ollama): raising it is a way out of a full context.
  public var canRaiseContext = false
  /// The last exchange that failed or was cancelled: shown, not sent back unless `/keep`.
  public var excludedExchange: [ChatMessage]?
  /// The server can pull models (Ollama): `/model NAME` with an unlisted name pulls it.
  public var canPull = false
  /// The model pull under way, if any.
  public var pull: PullState?
  /// The model whose context window was last asked for.
  var contextWindowAskedFor: String?
  public private(set) var quitRequested = false

  public init(
    width: Int, height: Int, model: String?, hostLabel: String, think: ThinkSetting? = nil, systemPrompt: String? = nil
  ) {
    self.width = width
    self.height = height
    self.model = model
    self.hostLabel = hostLabel
    self.think = think
    self.systemPrompt = systemPrompt
  }

  /// How full the model's context is: the server's count after a response, else an estimate.
  public var contextUsage: ContextUsage? {
    let window = ContextUsage.window(fromOptions: options) ?? model.flatMap { contextWindows[$0] }
    if let contextTokens { return ContextUsage(tokens: contextTokens, window: window, estimated: false) }
    guard !messages.isEmpty else { return window.map { ContextUsage(tokens: 0, window: $0, estimated: true) } }
    return ContextUsage(tokens: ContextUsage.estimate(requestHistory), window: window, estimated: true)
  }

  /// The messages a request sends: the system prompt, then the history.
  var requestHistory: [ChatMessage] {
    (systemPrompt.map { [ChatMessage.system($0)] } ?? []) + messages
  }

  /// Whether the loop should run the blink/status timer.
  public var wantsTicks: Bool { turn != nil }

  /// Applies one message; returns the effects to perform, in order.
  public mutating func update(_ message: AppMessage, at time: AppTime) -> [Effect] {
    now = time
    var effects = handle(message)
    // Once the server has listed its models, each model in use is asked for its context window.
    if let model, model != contextWindowAskedFor, !models.isEmpty {
      contextWindowAskedFor = model
      effects.append(.loadContextWindow(model))
    }
    return effects
  }

  private mutating func handle(_ message: AppMessage) -> [Effect] {
    switch message {
    case .key(let key):
      return handleKey(key)
    case .resize(let newWidth, let newHeight):
      width = newWidth
      height = newHeight
      return []
    case .stream(let batch):
      return apply(batch)
    case .streamEnded:
      return streamEnded()
    case .tick:
      tick()
      return []
    case .backlog(let bytes):
      turn?.backlogBytes = bytes
      turn?.shown.backlogBytes = bytes
      return []
    case .modelsLoaded(let result):
      return modelsLoaded(result)
    case .copied(let label, let methods, let failure):
      if let failure {
        appendLog(.error, "copy \(label) failed: \(failure)")
      } else {
        appendLog(.result, "copied \(label) via \(methods.joined(separator: " + "))")
      }
      return []
    case .note(let kind, let text):
      appendLog(kind, text)
      return []
    case .sessionsListed(let query, let result, let now):
      sessionsListed(query: query, result, now: now)
      return []
    case .conversationLoaded(let conversation):
      loadConversation(conversation)
      return []
    case .conversationStarted(let id):
      conversationID = id
      return []
    case .contextWindowLoaded(let name, let window):
      contextWindows[name] = window
      return []
    case .modelDetailsLoaded(let name, let details):
      modelDetailsLoaded(name, details)
      return []
    case .pullProgress(let progress):
      pullProgressed(progress)
      return []
    case .pullEnded(let name, let error):
      return pullEnded(model: name, error)
    case .attachmentLoaded(let attachment):
      attachments.append(attachment)
      let kind = if case .image = attachment.content { "image" } else { "text" }
      appendLog(
        .info, "attached \(attachment.name) (\(kind), \(ByteSize.text(attachment.byteCount))) to your next message")
      return []
    case .savingStopped(let reason):
      savingProblem = reason
      appendLog(.error, "not saving conversations: \(reason)")
      return []
    case .approvalRequested(let prompt):
      guard turn != nil else { return [.answerApproval(.deny, prompt.call)] }
      overlay = .approval(prompt)
      search = nil
      appendLog(.tool, "\(prompt.call.name) waits for your answer (o once · s session · a always · d deny)")
      return []
    }
  }

  /// The 500 ms timer: blinks the ▊ only when no text arrived for a while (a cursor that blinks
  /// while text flows is noise), and refreshes the status figures: every two seconds while text
  /// flows and a rate is shown (some arrived in the last second: the text is the live sign then,
  /// and each refresh of the bar costs about 50 bytes of colours and cursor moves), else once a
  /// second.
  mutating func tick() {
    guard var current = turn else { return }
    let quietFor = now.monotonic - (current.lastTextAt ?? current.startedAt)
    blinkOn = quietFor >= .milliseconds(600) ? !blinkOn : true
    // The first rate of a phase comes after a second, as before; then every two seconds.
    let flowing = current.phase != .waiting && quietFor < .seconds(1) && current.shown.phaseRate != nil
    let period: Duration = flowing ? .milliseconds(1950) : .milliseconds(950)
    if now.monotonic - current.shown.at >= period || current.paused { current.sample(at: now.monotonic) }
    turn = current
  }

  /// Adds a timestamped entry to the Log pane.
  public mutating func appendLog(_ kind: LogKind, _ text: String) {
    let time = now.wallClock
    let line = "\(time) \(kind.marker) \(text)"
    let timeEnd = time.count
    log.appendLine(
      line, kind: .styled, role: kind == .error ? .logError : .normal,
      spans: [StyleSpan(0..<timeEnd, .logTime), StyleSpan((timeEnd + 1)..<(timeEnd + 2), kind.role)])
  }

  mutating func requestQuit() -> [Effect] {
    quitRequested = true
    return turn != nil ? [.cancelTurn, .quit] : [.quit]
  }

  // MARK: - Models

  mutating func modelsLoaded(_ result: Result<[ModelInfo], ChatError>) -> [Effect] {
    switch result {
    case .failure(let error):
      if overlay == .loadingModels { overlay = nil }
      connectionLabel = "unreachable"
      appendLog(.error, "listing models failed: \(error)")
    case .success(var list):
      for index in list.indices {
        if let known = models.first(where: { $0.name == list[index].name && $0.detailsKnown }) { list[index] = known }
      }
      models = list
      connectionLabel = "connected"
      appendLog(.model, "connected: \(hostLabel) lists \(list.count) model\(list.count == 1 ? "" : "s")")
      if model == nil, list.count == 1, let only = list.first {
        model = only.name
        appendLog(.model, "using \(only.name), the only model")
      } else if model == nil || overlay == .loadingModels {
        if list.isEmpty {
          overlay = nil
          appendLog(.error, "the server has no models: pull one first (ollama pull NAME)")
        } else {
          let index = list.firstIndex(where: { $0.name == model }) ?? 0
          overlay = .modelPicker(models: list, selected: index)
          let unknown = list.filter { !$0.detailsKnown }.map(\.name)
          return unknown.isEmpty ? [] : [.loadModelDetails(unknown)]
        }
      }
    }
    return []
  }

  mutating func chooseModel(_ name: String) {
    guard name != model else { return }
    model = name
    appendLog(.model, "model: \(name)")
  }
}
