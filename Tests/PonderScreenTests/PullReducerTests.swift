import PonderCore
import PonderScreen
import PonderTestSupport
import Testing

@Suite struct PullReducerTests {
  static let listed = [ModelInfo(name: "qwen3:8b"), ModelInfo(name: "llama3.2:latest")]

  /// An Ollama session whose server listed `listed`.
  func ollamaSession() -> Session {
    var session = Session()
    session.state.canPull = true
    session.send(.modelsLoaded(.success(Self.listed)))
    session.effects = []
    return session
  }

  func layer(_ digest: String, _ completed: Int64, _ total: Int64) -> PullEvent {
    .layer(status: "pulling \(digest)", digest: "sha256:" + digest, completed: completed, total: total)
  }

  @Test func thePickerAsksForEachModelsDetailsAndShowsThemAsTheyArrive() {
    var session = Session()
    session.press(.function(4))
    #expect(session.effects == [.loadModels])
    session.send(.modelsLoaded(.success(Self.listed)))
    #expect(session.effects.contains(.loadModelDetails(["qwen3:8b", "llama3.2:latest"])))
    session.send(
      .modelDetailsLoaded(
        model: "qwen3:8b", ModelDetails(capabilities: ["completion", "tools", "thinking"], contextLength: 40960)))
    guard case .modelPicker(let models, _)? = session.state.overlay else {
      Issue.record("the picker must stay open")
      return
    }
    #expect(ModelPickerLines.abilities(models[0]) == "thinking tools 41.0k ctx")
    #expect(ModelPickerLines.abilities(models[1]) == "…", "a model still being asked is marked")
    #expect(session.state.contextWindows["qwen3:8b"] == 40960)
    // A server that cannot say leaves the listing as it was, no longer marked as pending.
    session.send(.modelDetailsLoaded(model: "llama3.2:latest", nil))
    guard case .modelPicker(let after, _)? = session.state.overlay else { return }
    #expect(ModelPickerLines.abilities(after[1]) == "")
    // Opening the picker again does not ask again for what is known.
    session.press(.escape, .function(4))
    session.effects = []
    session.send(.modelsLoaded(.success(Self.listed)))
    #expect(!session.effects.contains { if case .loadModelDetails = $0 { true } else { false } })
  }

  @Test func aNameTheServerListsIsChosenWithoutAPull() {
    var session = ollamaSession()
    session.type("/model llama3.2")
    session.press(.enter)
    #expect(session.state.model == "llama3.2")
    #expect(session.state.pull == nil)
    #expect(!session.effects.contains(.pullModel("llama3.2")))
  }

  @Test func anUnlistedNameStartsAPullWithProgressAndSuccessSelectsIt() {
    var session = ollamaSession()
    session.type("/model llama3.2-vision")
    session.press(.enter)
    #expect(session.effects.contains(.pullModel("llama3.2-vision")))
    #expect(session.state.overlay == .pulling)
    #expect(session.state.model == "qwen3:8b", "the model changes only once it is there")
    var progress = PullProgress(model: "llama3.2-vision")
    progress.apply(.status("pulling manifest"))
    progress.apply(layer("aaa", 0, 1000))
    session.send(.pullProgress(progress), after: .milliseconds(250))
    progress.apply(layer("aaa", 500, 1000))
    session.send(.pullProgress(progress), after: .seconds(1))
    let line = session.state.pull?.line(barWidth: 10) ?? ""
    #expect(line.hasPrefix(" 50% █████░░░░░"))
    #expect(line.contains("500 bytes/s"), "the speed comes from the stamped times: \(line)")
    #expect(line.hasSuffix("1s left"))
    session.effects = []
    session.send(.pullEnded(model: "llama3.2-vision", nil), after: .seconds(1))
    #expect(session.state.model == "llama3.2-vision")
    #expect(session.state.overlay == nil)
    #expect(session.state.pull == nil)
    #expect(session.effects.contains(.loadModels), "the list is read again, with the new model")
    #expect(session.state.log.sourceText.contains("pulled llama3.2-vision"))
  }

  @Test func anErrorLineIsOneLineAndKeepsTheModel() {
    var session = ollamaSession()
    session.type("/model nope")
    session.press(.enter)
    session.send(.pullEnded(model: "nope", ChatError(.server, "pull model manifest: file does not exist")))
    #expect(session.state.model == "qwen3:8b")
    #expect(session.state.overlay == nil)
    #expect(session.state.log.sourceText.contains("pulling nope failed: pull model manifest: file does not exist"))
  }

  @Test func ctrlCCancelsThePullAndSaysHowToResume() {
    var session = ollamaSession()
    session.type("/model llama3.2-vision")
    session.press(.enter)
    session.effects = []
    session.type("x")
    #expect(session.effects.isEmpty, "the pull box takes the keys")
    session.press(.control("c"))
    #expect(session.effects == [.cancelPull])
    session.send(.pullEnded(model: "llama3.2-vision", ChatError(.cancelled, "cancelled")))
    #expect(session.state.overlay == nil)
    #expect(session.state.model == "qwen3:8b")
    #expect(session.state.log.sourceText.contains("/model llama3.2-vision again resumes it"))
  }

  @Test func aServerThatCannotPullOnlyWarns() {
    var session = Session()
    session.send(.modelsLoaded(.success(Self.listed)))
    session.effects = []
    session.type("/model gpt-4.1")
    session.press(.enter)
    #expect(!session.effects.contains { if case .pullModel = $0 { true } else { false } })
    #expect(session.state.pull == nil)
    #expect(session.state.model == "gpt-4.1")
    #expect(session.state.log.sourceText.contains("this server cannot pull models"))
  }
}
