import PonderCore
import PonderScreen
import PonderTestSupport
import Testing

@Suite struct ContextGaugeTests {
  @Test func theGaugeUsesTheServersCountAgainstTheWindowAndTurnsAmberFrom80Percent() {
    var session = Session(width: 100, height: 24)
    session.send(.modelsLoaded(.success([ModelInfo(name: "qwen3:8b")])))
    #expect(session.effects.contains(.loadContextWindow("qwen3:8b")))
    session.send(.contextWindowLoaded(model: "qwen3:8b", window: 4096))
    session.type("hi")
    session.press(.enter)
    session.stream([
      .answer("hello"), .done(GenerationStats(doneReason: "stop", promptTokens: 3000, completionTokens: 400)),
    ])
    let usage = session.state.contextUsage
    #expect(usage == ContextUsage(tokens: 3400, window: 4096, estimated: false))
    #expect(usage?.label == "ctx 3.4k/4.1k 83%")
    let grid = session.render()
    let row = grid.lines.firstIndex { $0.hasPrefix(" ✓ done") } ?? 0
    #expect(grid.lines[row].hasSuffix(" ctx 3.4k/4.1k 83% "))
    #expect(grid[99 - 3, row].role == .statusPaused)
  }

  @Test func withoutACountTheGaugeEstimatesAndSaysSo() {
    var session = Session()
    session.send(.contextWindowLoaded(model: "qwen3:8b", window: 2048))
    session.type("/set num_ctx 8192")
    session.press(.enter)
    session.type(String(repeating: "word ", count: 80))
    session.press(.enter)
    let usage = session.state.contextUsage
    #expect(usage?.estimated == true)
    #expect(usage?.window == 8192)
    #expect(usage?.label.hasPrefix("ctx ~") == true)
  }

  @Test func aPromptThatCannotFitIsNotSentAndTheWaysOutWork() throws {
    var session = Session()
    session.state.canRaiseContext = true
    // Each exchange is about 76 tokens by the estimate: three fit in 230, a fourth prompt does not.
    session.send(.contextWindowLoaded(model: "qwen3:8b", window: 230))
    session.send(.modelsLoaded(.success([ModelInfo(name: "qwen3:8b")])))
    for index in 0..<3 {
      session.type("question \(index) " + String(repeating: "x", count: 250))
      session.press(.enter)
      session.stream([.answer("answer \(index)"), .done(GenerationStats(doneReason: "stop"))])
    }
    session.effects = []
    session.type("one more")
    session.press(.enter)
    guard case .contextFull(let overflow)? = session.state.overlay else {
      Issue.record("expected the ways out, got \(String(describing: session.state.overlay))")
      return
    }
    #expect(session.effects.isEmpty)
    #expect(overflow.prompt.content == "one more")
    session.press(.character("d"))
    guard case .startTurn(let request)? = session.effects.last else {
      Issue.record("dropping old turns must send again")
      return
    }
    #expect(request.messages.last?.content == "one more")
    #expect(ContextUsage.estimate(request.messages) <= 230)
    #expect(request.messages.filter { $0.role == .user }.count == 3)
    #expect(!request.messages.contains { $0.content.hasPrefix("question 0") })
  }

  @Test func aServerRefusalForLengthOffersToRaiseNumCtx() throws {
    var session = Session()
    session.state.canRaiseContext = true
    session.send(.contextWindowLoaded(model: "qwen3:8b", window: 2048))
    session.send(.modelsLoaded(.success([ModelInfo(name: "qwen3:8b")])))
    session.type("a long question")
    session.press(.enter)
    session.stream([
      .error(ChatError(.rejected(status: 400), "the request exceeds the available context size, try increasing it"))
    ])
    guard case .contextFull(let overflow)? = session.state.overlay else {
      Issue.record("expected the ways out")
      return
    }
    #expect(overflow.serverMessage?.contains("exceeds the available context size") == true)
    #expect(session.state.messages.isEmpty)
    let grid = session.render()
    #expect(grid.lines.joined().contains("raise num_ctx and send again"))
    session.press(.character("r"))
    guard case .startTurn(let request)? = session.effects.last else {
      Issue.record("raising num_ctx must send again")
      return
    }
    #expect(request.options?["num_ctx"]?.intValue == 4096)
    #expect(request.messages.map(\.content) == ["a long question"])
  }

  @Test func newConversationPutsThePromptBackAndEscapeKeepsIt() {
    var session = Session()
    session.send(.contextWindowLoaded(model: "qwen3:8b", window: 10))
    session.send(.modelsLoaded(.success([ModelInfo(name: "qwen3:8b")])))
    session.type("this prompt alone is longer than ten tokens of context, surely")
    session.press(.enter)
    session.press(.escape)
    #expect(session.state.overlay == nil)
    #expect(session.state.input.string.hasPrefix("this prompt alone"))
    session.press(.enter)
    session.press(.character("n"))
    #expect(session.effects.contains(.newConversation))
    #expect(session.state.input.string.hasPrefix("this prompt alone"))
  }

  @Test func overflowErrorsAreRecognised() {
    #expect(ChatError(.rejected(status: 400), "the request exceeds the available context size").isContextOverflow)
    #expect(ChatError(.rejected(status: 400), "prompt is too long: 210000 tokens > 200000 maximum").isContextOverflow)
    #expect(ChatError(.rejected(status: 400), "This model's maximum context length is 8192 tokens").isContextOverflow)
    #expect(!ChatError(.rejected(status: 400), "\"llama3.2\" does not support thinking").isContextOverflow)
    #expect(!ChatError(.server, "context exceeded").isContextOverflow)
    #expect(
      OllamaAPI.contextWindow(fromShow: [
        "parameters": "stop \"<|im_end|>\"\nnum_ctx 8192", "model_info": ["qwen3.context_length": 40960],
      ]) == 8192)
    #expect(
      OllamaAPI.contextWindow(fromShow: [
        "model_info": ["general.architecture": "qwen3", "qwen3.context_length": 40960]
      ]) == 40960)
    #expect(OllamaAPI.contextWindow(fromShow: [:]) == nil)
  }
}
