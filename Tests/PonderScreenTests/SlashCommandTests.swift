import PonderCore
import PonderScreen
import PonderTestSupport
import Testing

@Suite struct SlashCommandTests {
  func lastRequest(_ session: Session) -> ChatRequest? {
    for effect in session.effects.reversed() {
      if case .startTurn(let request) = effect { return request }
    }
    return nil
  }

  @Test func parsing() {
    #expect(SlashCommand.parse("/new") == .command(.new))
    #expect(SlashCommand.parse("/model llama3.2:latest") == .command(.model("llama3.2:latest")))
    #expect(SlashCommand.parse("/model") == .command(.model(nil)))
    #expect(SlashCommand.parse("/think off") == .command(.think(.enabled(false))))
    #expect(SlashCommand.parse("/think HIGH") == .command(.think(.level(.high))))
    #expect(SlashCommand.parse("/think default") == .command(.think(nil)))
    #expect(SlashCommand.parse("/set num_ctx 4096") == .command(.set(name: "num_ctx", value: "4096")))
    #expect(SlashCommand.parse("/set") == .command(.set(name: nil, value: nil)))
    #expect(SlashCommand.parse("/system Be  brief.") == .command(.system("Be  brief.")))
    #expect(SlashCommand.parse("/copy 2") == .command(.copy(2)))
    #expect(SlashCommand.parse("//etc/hosts is a file") == .message("/etc/hosts is a file"))
    #expect(SlashCommand.parse("hello /new") == .message("hello /new"))
    guard case .hint(let hint) = SlashCommand.parse("/nwe") else {
      Issue.record("an unknown command must give a hint")
      return
    }
    #expect(hint.contains("/nwe is not a command"))
    guard case .hint(let usage) = SlashCommand.parse("/think maybe") else {
      Issue.record("a bad argument must give the usage")
      return
    }
    #expect(usage.hasPrefix("usage: /think"))
  }

  @Test func anUnknownCommandNeverReachesTheModelAndStaysInTheInput() {
    var session = Session()
    session.type("/clera")
    session.press(.enter)
    #expect(lastRequest(session) == nil)
    #expect(session.state.input.string == "/clera")
    #expect(session.state.log.sourceText.contains("/clera is not a command (did you mean /clear?)"))
  }

  @Test func aDoubleSlashSendsALiteralSlash() {
    var session = Session()
    session.type("//help me")
    session.press(.enter)
    #expect(lastRequest(session)?.messages.last?.content == "/help me")
  }

  @Test func setThinkSystemAndModelApplyToTheNextRequest() throws {
    var session = Session()
    for line in [
      "/set num_ctx 4096", "/set temperature 0.2", "/set stop END", "/think off", "/system Be brief.",
      "/model llama3.2:latest",
    ] {
      session.type(line)
      session.press(.enter)
    }
    #expect(lastRequest(session) == nil)
    session.type("hi")
    session.press(.enter)
    let request = try #require(lastRequest(session))
    #expect(request.model == "llama3.2:latest")
    #expect(request.think == .enabled(false))
    #expect(request.messages.first == .system("Be brief."))
    #expect(request.options == ["num_ctx": 4096, "temperature": 0.2, "stop": "END"])
    session.stream([.answer("ok"), .done(GenerationStats())])
    session.type("/set num_ctx")
    session.press(.enter)
    session.type("/system")
    session.press(.enter)
    session.type("again")
    session.press(.enter)
    let next = try #require(lastRequest(session))
    #expect(next.options == ["temperature": 0.2, "stop": "END"])
    #expect(next.messages.first?.role == .user)
  }

  @Test func retryReplacesTheLastExchange() throws {
    var session = Session()
    session.thinkingTurn(prompt: "first")
    session.type("second")
    session.press(.enter)
    session.stream([.answer("a weak answer"), .done(GenerationStats())])
    session.effects = []
    session.type("/retry")
    session.press(.enter)
    #expect(session.effects.first == .dropLastExchange)
    let request = try #require(lastRequest(session))
    #expect(request.messages.map(\.content).filter { $0 == "second" }.count == 1)
    #expect(request.messages.map(\.role) == [.user, .assistant, .user])
    #expect(!request.messages.contains { $0.content == "a weak answer" })
    #expect(session.state.answer.sourceText.contains("↻ again · qwen3:8b"))
  }

  @Test func editPutsTheLastPromptBackAndSendingReplacesTheExchange() throws {
    var session = Session()
    session.thinkingTurn(prompt: "Why is the sky blue")
    session.type("/edit")
    session.press(.enter)
    #expect(session.state.input.string == "Why is the sky blue")
    session.type("?")
    session.effects = []
    session.press(.enter)
    #expect(session.effects.first == .dropLastExchange)
    let request = try #require(lastRequest(session))
    #expect(request.messages.map(\.content) == ["Why is the sky blue?"])
  }

  @Test func newClearCopyHelpAndQuit() {
    var session = Session()
    session.thinkingTurn(prompt: "first")
    session.type("second")
    session.press(.enter)
    session.stream([.answer("the second answer"), .done(GenerationStats())])
    session.effects = []
    session.type("/copy 1")
    session.press(.enter)
    guard case .copy(let text, let label)? = session.effects.last else {
      Issue.record("expected a copy, got \(session.effects)")
      return
    }
    #expect(text.hasPrefix("## Short answer"))
    #expect(label == "the answer of turn 1")
    session.type("/copy 5")
    session.press(.enter)
    #expect(session.state.log.sourceText.contains("nothing to copy: no answer in turn 5"))
    session.type("/clear")
    session.press(.enter)
    #expect(session.state.answer.isEmpty)
    #expect(session.state.messages.count == 4)
    session.type("/help")
    session.press(.enter)
    #expect(session.state.overlay == .commands)
    session.press(.escape)
    session.type("/new")
    session.press(.enter)
    #expect(session.effects.last == .newConversation)
    #expect(session.state.messages.isEmpty)
    session.type("/quit")
    session.press(.enter)
    #expect(session.state.quitRequested)
  }

  @Test func tabCompletesCommandNames() {
    var session = Session()
    session.type("/ret")
    session.press(.tab)
    #expect(session.state.input.string == "/retry ")
    #expect(session.state.focus == .input)
    session.press(.control("u"))
    session.type("/c")
    session.press(.tab)
    #expect(session.state.input.string == "/c")
    #expect(session.state.log.sourceText.contains("/clear  /copy"))
    session.press(.control("u"))
    session.press(.tab)
    #expect(session.state.focus != .input)
  }

  @Test func attachmentsGoWithTheNextMessage() throws {
    var session = Session()
    session.type("/attach notes.txt")
    session.press(.enter)
    #expect(session.effects.last == .attach("notes.txt"))
    session.send(.attachmentLoaded(PromptAttachment(name: "notes.txt", content: .text("line one"), byteCount: 8)))
    session.send(
      .attachmentLoaded(PromptAttachment(name: "cat.png", content: .image(base64: "iVBORw0KGgo="), byteCount: 8)))
    session.type("what is this?")
    session.press(.enter)
    let prompt = try #require(lastRequest(session)?.messages.last)
    #expect(prompt.content == "what is this?\n\n--- notes.txt ---\nline one")
    #expect(prompt.images == ["iVBORw0KGgo="])
    #expect(session.state.answer.sourceText.contains("📎 cat.png"))
    #expect(session.state.attachments.isEmpty)
  }
}
