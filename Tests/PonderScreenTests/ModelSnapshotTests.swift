import PonderCore
import PonderScreen
import PonderTestSupport
import Testing

@Suite struct ModelSnapshotTests {
  @Test func thePickerWithCapabilities() {
    var session = Session()
    session.press(.function(4))
    session.send(
      .modelsLoaded(
        .success([
          ModelInfo(name: "qwen3:8b", sizeBytes: 5_225_388_164, parameterSize: "8.2B", quantization: "Q4_K_M"),
          ModelInfo(name: "llama3.2-vision:latest", parameterSize: "10.7B", quantization: "Q4_K_M"),
          ModelInfo(name: "llama3.2:latest", parameterSize: "3.2B", quantization: "Q4_K_M"),
        ])))
    session.send(
      .modelDetailsLoaded(
        model: "qwen3:8b", ModelDetails(capabilities: ["completion", "tools", "thinking"], contextLength: 40960)))
    session.send(
      .modelDetailsLoaded(
        model: "llama3.2-vision:latest", ModelDetails(capabilities: ["completion", "vision"], contextLength: 131_072)))
    expectSnapshot(session.render(), "model-picker-capabilities-80x24")
  }

  @Test func thePullProgressBar() {
    var session = Session()
    session.state.canPull = true
    session.send(.modelsLoaded(.success([ModelInfo(name: "qwen3:8b")])))
    session.type("/model llama3.2-vision")
    session.press(.enter)
    var progress = PullProgress(model: "llama3.2-vision")
    progress.apply(.layer(status: "pulling dde5aa3fc5ff", digest: "sha256:dde5", completed: 0, total: 1_600_000_000))
    session.send(.pullProgress(progress), after: .milliseconds(300))
    progress.apply(
      .layer(status: "pulling 966de95ca8a6", digest: "sha256:966d", completed: 200_000_000, total: 400_000_000))
    progress.apply(
      .layer(status: "pulling dde5aa3fc5ff", digest: "sha256:dde5", completed: 640_000_000, total: 1_600_000_000))
    session.send(.pullProgress(progress), after: .seconds(8))
    expectSnapshot(session.render(), "pull-progress-80x24")
  }
}
