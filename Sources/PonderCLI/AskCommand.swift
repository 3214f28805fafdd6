import ArgumentParser
import Foundation
import PonderCore
import PonderHTTP
import PonderStore
import PonderTools

/// `ponder ask`: one prompt, one streamed answer, scriptable.
struct AskCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ask",
    abstract: "Stream one answer: the answer to stdout, reasoning to stderr.",
    discussion: """
      Piped stdin is sent after the prompt, with a blank line between: \
      echo text | ponder ask "summarize this". With - as the prompt, stdin is the whole prompt.

      Exit codes: 0 done, 1 the answer could not be written (stdout closed or full), 2 usage, 3 cannot connect, 4 the server rejected the request, \
      5 the stream failed or ended early (the partial answer is already printed), \
      6 the answer was cut off by the length limit (a warning on stderr says how to give it more room), \
      75 the server stayed busy (429/503) through three tries, 130 interrupted.
      """)

  @OptionGroup var server: ServerOptions
  @OptionGroup(title: "Tools") var toolOptions: ToolOptions

  @Flag(name: .long, help: "Ask the model to think before answering.") var think = false
  @Flag(name: .long, help: "Ask the model not to think.") var noThink = false
  @Option(name: .long, help: "Reasoning effort: low, medium or high.") var thinkLevel: String?
  @Option(name: .long, help: "A system prompt.") var system: String?
  @Flag(name: .long, help: "One JSON object per released event on stdout.") var json = false
  @Option(name: .long, help: "A model option as KEY=VALUE (repeatable), e.g. temperature=0.2 or num_ctx=8192.")
  var option: [String] = []
  @Option(name: .long, help: "How long the server keeps the model loaded (Ollama: 10m, 1h, 0, -1).") var keepAlive:
    String?
  @Flag(
    name: [.customShort("c"), .customLong("continue")],
    help: "Continue the most recent conversation (its history is sent).")
  var continueLast = false
  @Option(name: .long, help: "Continue the conversation with this ID (see `ponder sessions`).") var session: Int64?
  @Flag(name: .long, help: "Save nothing (also `save = false` in the config).") var noSave = false
  @Argument(help: "The prompt; piped stdin is added after it; - reads the whole prompt from stdin.") var prompt: String

  func validate() throws {
    if [think, noThink, thinkLevel != nil].filter({ $0 }).count > 1 {
      throw ValidationError("use only one of --think, --no-think and --think-level")
    }
    if let level = thinkLevel, ThinkSetting.Level(rawValue: level) == nil {
      throw ValidationError("--think-level takes low, medium or high")
    }
    _ = try modelOptions
    if continueLast, session != nil { throw ValidationError("use only one of --continue and --session") }
    if noSave, continueLast || session != nil {
      throw ValidationError("--no-save cannot continue a saved conversation")
    }
  }

  /// `--option` values as a JSON object; numbers and booleans keep their type.
  var modelOptions: JSONValue? {
    get throws {
      guard !option.isEmpty else { return nil }
      return .object(
        try option.map { pair in
          guard let equals = pair.firstIndex(of: "="), equals != pair.startIndex else {
            throw ValidationError("--option takes KEY=VALUE, got \(pair)")
          }
          let value = String(pair[pair.index(after: equals)...])
          return JSONMember(String(pair[..<equals]), (try? JSONValue.parse(value)) ?? .string(value))
        })
    }
  }

  /// Ollama takes a duration string or a number of seconds.
  var keepAliveValue: JSONValue? {
    keepAlive.map { value in Int(value).map { .number(Double($0)) } ?? .string(value) }
  }

  var thinkSetting: ThinkSetting? {
    if think { return .enabled(true) }
    if noThink { return .enabled(false) }
    return thinkLevel.flatMap(ThinkSetting.Level.init(rawValue:)).map(ThinkSetting.level)
  }

  func run() async throws {
    let err = FileDescriptorSink.standardError
    let text = try readPrompt()
    let config = try ConfigLoader.load(reportingTo: err)
    let opening = StoreOpening.open(config: config, noSave: noSave)
    let continued = try continuedConversation(opening)
    let saved = continued?.settings
    let settings = AskRunner.Settings(
      server: try server.selection(config: config),
      model: server.model ?? continued.map(\.summary.model).flatMap { $0.isEmpty ? nil : $0 },
      configuredModel: config.string("model"), system: system ?? saved?.system ?? config.string("system"),
      think: thinkSetting ?? saved?.think ?? config.string("think").flatMap(ThinkSetting.init(storedValue:)),
      options: try modelOptions ?? saved?.options ?? config.object("options"), keepAlive: keepAliveValue,
      format: json ? .json : .text,
      color: ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true)
    if let warning = settings.server.apiKeyWarning { err.note(warning) }
    if opening.store == nil, !noSave, let problem = opening.problem, config.savesConversations {
      err.note("not saving this answer: \(problem)")
    }
    let transport = AsyncHTTPTransport()
    let interrupt = InterruptHandler()
    let mcp = await MCPStartup.start(config: config, options: toolOptions)
    for problem in mcp.problems { err.note("\(problem)") }
    let tools: ToolSession
    do {
      tools = try ToolSession(options: toolOptions, config: config, interactive: false, extraTools: mcp.tools)
    } catch {
      await mcp.shutdown()
      throw ValidationError(error.message)
    }
    let saving = opening.store.map { store in
      AskRunner.Saving(
        store: store, conversation: continued?.id, history: continued?.history ?? [],
        stoppedBySignal: { interrupt.stoppedBySignal })
    }
    // A busy server (429, 503) is asked again before anything streams; each try is said on stderr.
    let retrying = RetryingTransport(server.transport(over: transport, config: config), clock: ContinuousClock()) {
      err.note($0)
    }
    let status = await AskRunner(transport: retrying, settings: settings, tools: tools).run(
      prompt: text, out: FileDescriptorSink.standardOutput, err: err, saving: saving,
      onStart: { interrupt.cancelOnInterrupt($0) })
    await transport.shutdown()
    await mcp.shutdown()
    if status != .done { throw ExitCode(status.rawValue) }
  }

  /// The conversation `--continue` or `--session` names, if any.
  private func continuedConversation(_ opening: StoreOpening) throws -> SavedConversation? {
    guard continueLast || session != nil else { return nil }
    return try opening.conversation(session, toThe: "continue")
  }

  /// The argument, with piped stdin after it (see ``PipedPrompt``). A terminal on stdin is not
  /// read unless the prompt is `-`.
  private func readPrompt() throws -> String {
    let readsStdin = prompt == "-" || isatty(STDIN_FILENO) == 0
    let piped = readsStdin ? String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self) : nil
    guard let text = PipedPrompt.combine(argument: prompt, piped: piped) else {
      // One line and exit 2, without ArgumentParser's usage block: nothing was sent.
      FileDescriptorSink.standardError.note(
        prompt == "-"
          ? "the prompt read from stdin is empty"
          : "the prompt is empty (nothing was sent); give it as an argument or on stdin")
      throw ExitCode(PonderExit.usage.rawValue)
    }
    return text
  }
}
