import PonderCore
import PonderScreen
import PonderTestSupport
import Testing

/// Item 4 of issue 9: a length stop is never shown as a success, and an empty answer from a
/// thinking model that spent its budget gets one-key retries.
@Suite struct EndingsReducerTests {
  static func lengthStop(_ reason: String = "length", tokens: Int = 300) -> StreamEvent {
    .done(
      GenerationStats(doneReason: reason, promptTokens: 26, completionTokens: tokens, evalNanoseconds: 1_000_000_000))
  }

  /// A prompt whose model only reasons, then is stopped by the length limit.
  static func thinkingOnly(_ session: inout Session, prompt: String = "Prove it") {
    session.type(prompt)
    session.press(.enter)
    session.stream([.reasoning("Let me think about this for a very long time")])
    session.stream([Self.lengthStop()])
  }

  static func lastStart(_ session: Session) -> ChatRequest? {
    for effect in session.effects.reversed() {
      switch effect {
      case .startTurn(let request): return request
      default: continue
      }
    }
    return nil
  }

  @Test(arguments: ["length", "max_tokens", "model_length"])
  func aCutOffAnswerIsWarnedNeverDone(reason: String) {
    var session = Session()
    session.thinkingTurn(done: false)
    session.stream([Self.lengthStop(reason)])
    #expect(session.state.lastTurn?.outcome == .cutOff(reason: reason))
    let answer = session.state.answer.lines.map(\.display)
    #expect(answer.last?.hasPrefix("⚠ cut off by the length limit (\(reason))") == true)
    let log = session.state.log.lines.last?.display ?? ""
    #expect(log.contains("⚠ cut off by the length limit (\(reason)) · 300 tokens"))
    #expect(!session.state.log.lines.contains { $0.display.contains("✓") })
    let (status, role) = StatusBar.text(for: session.state)
    #expect(status.hasPrefix(" ⚠ cut off by the length limit (\(reason))"))
    #expect(!status.contains("✓"))
    #expect(role != .statusBar)
    // An answer with text keeps the screen as it is: no overlay to dismiss.
    #expect(session.state.overlay == nil)
    guard case .turnFinished(let saved)? = session.effects.last else {
      Issue.record("expected turnFinished, got \(session.effects)")
      return
    }
    #expect(saved.last?.status == .cutOff)
  }

  @Test func aNormalStopStaysDone() {
    var session = Session()
    session.thinkingTurn()
    #expect(session.state.lastTurn?.outcome == .done(reason: "stop"))
    #expect(StatusBar.text(for: session.state).0.hasPrefix(" ✓ done (stop)"))
  }

  @Test func reasoningOnlyCutOffExplainsAndOffersTheRetries() {
    var session = Session()
    Self.thinkingOnly(&session)
    let notice = session.state.answer.lines.map(\.display).last ?? ""
    #expect(notice.contains("no answer"))
    #expect(notice.contains("300 tokens"))
    guard case .lengthStop(let stop)? = session.state.overlay else {
      Issue.record("expected the length-stop overlay, got \(String(describing: session.state.overlay))")
      return
    }
    #expect(stop.reasoned && stop.answerEmpty)
    #expect(stop.moreRoom == 1024)
  }

  @Test func moreRoomResendsTheSamePromptWithAHigherLimitReplacingTheExchange() {
    var session = Session()
    session.thinkingTurn(prompt: "first")
    Self.thinkingOnly(&session, prompt: "second")
    session.effects = []
    session.press(.character("m"))
    #expect(session.state.overlay == nil)
    #expect(session.effects.count == 2)
    guard session.effects.first == .dropLastExchange else {
      Issue.record("a retry must say it replaces the last exchange, got \(session.effects)")
      return
    }
    let request = Self.lastStart(session)
    #expect(request?.options?["num_predict"]?.intValue == 1024)
    #expect(request?.messages.map(\.role) == [.user, .assistant, .user])
    #expect(request?.messages.last?.content == "second")
    #expect(session.state.messages.count == 3)
    #expect(session.state.turn != nil)
    // The raised limit holds for the next prompts too, and a second cut-off doubles it.
    session.stream([.reasoning("still thinking")])
    session.stream([Self.lengthStop(tokens: 1024)])
    session.press(.character("m"))
    #expect(Self.lastStart(session)?.options?["num_predict"]?.intValue == 2048)
  }

  @Test func thinkingOffResendsWithoutThinking() {
    var session = Session()
    Self.thinkingOnly(&session)
    session.effects = []
    session.press(.character("t"))
    let request = Self.lastStart(session)
    #expect(request?.think == .enabled(false))
    #expect(request?.messages == [.user("Prove it")])
    #expect(session.state.think == .enabled(false))
  }

  @Test func escapeKeepsTheCutOffAnswer() {
    var session = Session()
    Self.thinkingOnly(&session)
    session.effects = []
    session.press(.escape)
    #expect(session.state.overlay == nil)
    #expect(session.effects.isEmpty)
    #expect(session.state.messages.count == 2)
  }

  @Test func aModelThatDidNotThinkIsNotOfferedThinkingOff() {
    var session = Session(model: "llama3.2")
    session.type("hi")
    session.press(.enter)
    session.stream([Self.lengthStop(tokens: 0)])
    guard case .lengthStop(let stop)? = session.state.overlay else {
      Issue.record("expected the overlay")
      return
    }
    #expect(!stop.reasoned)
    session.effects = []
    session.press(.character("t"))
    #expect(Self.lastStart(session) == nil)
  }
}
