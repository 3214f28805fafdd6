import ArgumentParser
import Foundation
import PonderCore
import PonderHTTP
import PonderScreen
import PonderStore
import PonderTerminal

/// `ponder` / `ponder chat`: the full-screen chat.
struct ChatCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "chat", abstract: "Open the full-screen chat (the default command).")

  @OptionGroup var server: ServerOptions
  @OptionGroup(title: "Tools") var toolOptions: ToolOptions
  @Option(
    name: .long,
    help:
      "Theme name: a file NAME.theme in Themes/ (beside the build or install), $PONDER_THEMES or ~/.config/ponder/themes."
  ) var theme: String?
  @Flag(name: .long, help: "Ask the model to think before answering.") var think = false
  @Flag(name: .long, help: "Ask the model not to think.") var noThink = false
  @Option(name: .long, help: "Reasoning effort: low, medium or high.") var thinkLevel: String?
  @Option(name: .long, help: "A system prompt.") var system: String?
  @Flag(name: [.customShort("r"), .long], help: "Reopen the most recent conversation (or the one named by ID).")
  var resume = false
  @Argument(help: ArgumentHelp("With --resume: the conversation to reopen (see `ponder sessions`).", valueName: "ID"))
  var conversation: String?

  func validate() throws {
    if conversation != nil, !resume {
      throw ValidationError("a conversation ID goes with --resume: ponder --resume \(conversation ?? "")")
    }
    if let conversation, Int64(conversation) == nil, conversation != "last" {
      throw ValidationError("--resume takes a conversation number (see `ponder sessions`), got \(conversation)")
    }
    if [think, noThink, thinkLevel != nil].filter({ $0 }).count > 1 {
      throw ValidationError("use only one of --think, --no-think and --think-level")
    }
    if let level = thinkLevel, ThinkSetting.Level(rawValue: level) == nil {
      throw ValidationError("--think-level takes low, medium or high")
    }
  }

  func run() async throws {
    guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
      throw ValidationError("the chat needs a terminal; use `ponder ask` in scripts and pipes")
    }
    let err = FileDescriptorSink.standardError
    if let problem = TerminalSupport.problem(term: ProcessInfo.processInfo.environment["TERM"]) {
      throw Self.cannotDraw(problem, err: err)
    }
    // Nothing is printed before the screen opens: config problems go to the Log and the status
    // bar. Only a $PONDER_CONFIG that does not exist stops here (exit 2): nothing would load.
    let loaded: ConfigLoader.Loaded
    do {
      loaded = try ConfigLoader.load()
    } catch {
      err.note(error.description)
      throw ExitCode(PonderExit.usage.rawValue)
    }
    let config = loaded.file
    let selection = try server.selection(config: config)
    let (chosenTheme, themeProblem) = ThemeLoader.load(named: theme ?? config.string("theme"))
    let environment = ProcessInfo.processInfo.environment
    let useColor = (environment["NO_COLOR"] ?? "").isEmpty
    let fileName = loaded.path.map { ($0 as NSString).lastPathComponent } ?? "config"
    var setupProblems = zip(loaded.problems, config.problems).map { line, problem in
      SetupProblem(.config, "config: \(line)", headline: problem.report(in: fileName))
    }
    if let themeProblem { setupProblems.append(SetupProblem(.theme, themeProblem)) }
    var notes: [(LogKind, String)] = setupProblems.map { ($0.source == .theme ? .error : .warning, $0.text) }
    if let warning = selection.apiKeyWarning { notes.append((.warning, warning)) }
    let thinkSetting: ThinkSetting? =
      think
      ? .enabled(true)
      : noThink ? .enabled(false) : thinkLevel.flatMap(ThinkSetting.Level.init(rawValue:)).map(ThinkSetting.level)
    let mcp = await MCPStartup.start(config: config, options: toolOptions)
    let tools: ToolSession
    do {
      tools = try ToolSession(options: toolOptions, config: config, interactive: true, extraTools: mcp.tools)
    } catch {
      await mcp.shutdown()
      throw ValidationError(error.message)
    }
    if let reason = tools.disabledReason {
      notes.append((.tool, reason))
    } else {
      let builtIn = tools.registry.names.filter { name in !mcp.tools.contains { $0.name == name } }
      notes.append((.tool, "tools: \(builtIn.joined(separator: ", ")) · workspace \(tools.workspace.root)"))
      if let summary = mcp.summary { notes.append((.tool, summary)) }
    }
    for problem in mcp.problems { notes.append((.error, problem)) }
    let store = StoreOpening.open(config: config)
    var resumed: SavedConversation?
    if resume {
      do {
        resumed = try store.conversation(conversation.flatMap { Int64($0) }, toThe: "resume")
      } catch {
        await mcp.shutdown()
        throw error
      }
    }
    let detachLimit = config.hangupWait
    CursesTerminal.installCrashRestore()
    let terminal: CursesTerminal
    do {
      terminal = try await MainActor.run { try CursesTerminal(theme: chosenTheme, useColor: useColor) }
    } catch {
      await mcp.shutdown()
      throw Self.cannotDraw("curses cannot start: \(error)", err: err)
    }
    let transport = AsyncHTTPTransport()
    let backend: ChatBackend
    switch await selection.resolve(client: StreamingClient(transport: transport)) {
    case .success(let resolved):
      backend = resolved.backend
      if let note = resolved.note { notes.append((.model, note)) }
    case .failure(let error):
      backend = selection.backend(selection.api ?? .ollama)
      notes.append((.error, "cannot reach \(selection.displayHost): \(error.message)"))
    }
    let reason = await MainActor.run {
      let size = terminal.size
      var state = AppState(
        width: size.width, height: size.height, model: server.model ?? config.string("model"),
        hostLabel: backend.baseURL,
        think: thinkSetting ?? config.string("think").flatMap(ThinkSetting.init(storedValue:)),
        systemPrompt: system ?? config.string("system"))
      state.options = config.object("options")
      state.setupProblems = setupProblems
      state.canRaiseContext = backend.kind == .ollama
      state.canPull = backend.pullRequest(model: "") != nil
      if let resumed {
        state.loadConversation(resumed)
        // Options given now win over the saved ones.
        if let model = server.model { state.model = model }
        if let system { state.systemPrompt = system }
        if let thinkSetting { state.think = thinkSetting }
      }
      let app = ChatApp(
        state: state, terminal: terminal, transport: server.transport(over: transport, config: config),
        pumpClock: transport.networkClock, backend: backend, tools: tools, store: store,
        detachLimit: detachLimit)
      if let resumed { app.use(resumed.id) }
      return app
    }.run(startupNotes: notes)
    // After an SSH drop the terminal is gone: writing to it would only fail.
    let terminalGone = await MainActor.run { CursesTerminal.outputHungUp() }
    if !terminalGone { await MainActor.run { terminal.shutdown() } }
    await transport.shutdown()
    await mcp.shutdown()
    if let reason {
      if !terminalGone { err.write("ponder: \(reason)\n") }
      throw ExitCode(reason == "interrupted" ? 130 : 1)
    }
  }

  /// A terminal that cannot draw the screen gets one line pointing to `ponder ask`, and exit 2.
  static func cannotDraw(_ problem: String, err: any OutputSink) -> ExitCode {
    err.write("ponder: this terminal cannot show the chat (\(problem)); use `ponder ask \"…\"` instead\n")
    return ExitCode(PonderExit.usage.rawValue)
  }
}
