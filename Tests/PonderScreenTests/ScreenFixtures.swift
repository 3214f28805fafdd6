import PonderCore
import PonderScreen
import PonderTestSupport
import Testing

/// Builds app states the way a real session does: keys and stream batches through the reducer.
struct Session {
  var state: AppState
  var clock = Duration.zero
  var effects: [Effect] = []

  init(width: Int = 80, height: Int = 24, model: String? = "qwen3:8b") {
    state = AppState(width: width, height: height, model: model, hostLabel: "http://127.0.0.1:11434")
  }

  var time: AppTime {
    let total = 9 * 3600 + 12 * 60 + Int(clock.components.seconds)
    func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    return AppTime(monotonic: clock, wallClock: "\(pad(total / 3600)):\(pad(total / 60 % 60)):\(pad(total % 60))")
  }

  mutating func send(_ message: AppMessage, after delay: Duration = .zero) {
    clock += delay
    effects += state.update(message, at: time)
  }

  mutating func type(_ text: String) {
    for character in text { send(.key(.character(character))) }
  }

  mutating func press(_ keys: KeyPress...) {
    for key in keys { send(.key(key)) }
  }

  /// The turn's rules, as the coordinator runs them in production: a response's events go in, its
  /// text comes out as stream events, and its end as `.turnEnded` with the turn's messages.
  var machine: (turn: Int, rules: ToolTurnMachine)?

  /// Streams a response's events as the production path releases them: the text, then (when
  /// `events` holds the response's `done` or error) the turn's end.
  mutating func stream(
    _ events: [StreamEvent], fragments: FragmentCounts? = nil, after delay: Duration = .milliseconds(50)
  ) {
    let counts =
      fragments
      ?? FragmentCounts(
        reasoning: events.filter { if case .reasoning = $0 { true } else { false } }.count,
        answer: events.filter { if case .answer = $0 { true } else { false } }.count)
    let number = state.turn?.number ?? 0
    var turn = machine.flatMap { $0.turn == number ? $0.rules : nil } ?? Self.startMachine(model: state.model ?? "")
    var text: [StreamEvent] = []
    var tools: [ToolTurnEvent] = []
    for event in events {
      for action in turn.receive(event) {
        switch action {
        case .emit(.stream(let streamed)): text.append(streamed)
        case .emit(let other): tools.append(other)
        case .finish(let outcome): tools.append(.turnEnded(outcome))
        case .fail(let error): tools.append(.turnEnded(turn.outcome(.failed(error))))
        case .send, .sendFollowUp, .requestApproval, .runTools: break
        }
      }
    }
    machine = tools.contains(where: { if case .turnEnded = $0 { true } else { false } }) ? nil : (number, turn)
    send(.stream(ResponseBatch(events: text, fragments: counts, toolEvents: tools)), after: delay)
  }

  static func startMachine(model: String) -> ToolTurnMachine {
    var machine = ToolTurnMachine(
      request: ChatRequest(model: model, messages: []), tools: [], toolsSupported: false,
      policy: ApprovalPolicy(isInteractive: true))
    _ = machine.start()
    return machine
  }

  func render() -> CellGrid {
    var grid = CellGrid(width: state.width, height: state.height)
    Screen.render(state, into: &grid)
    return grid
  }

  /// A whole thinking turn: prompt, reasoning, answer with markdown, done.
  mutating func thinkingTurn(prompt: String = "Why is the sky blue?", done: Bool = true) {
    type(prompt)
    press(.enter)
    stream([.reasoning("The user asks about "), .reasoning("Rayleigh scattering.")], after: .milliseconds(412))
    stream([.reasoning(" Shorter wavelengths scatter more; 東京 skies too 🙂.")])
    stream([
      .answer(
        "## Short answer\n\nBlue light **scatters** more:\n\n- shorter wavelength\n- more `scattering`\n\n```swift\nlet sky = \"blue\"\n```\nDone."
      )
    ])
    if done {
      stream([
        .done(
          GenerationStats(doneReason: "stop", promptTokens: 26, completionTokens: 42, evalNanoseconds: 1_000_000_000))
      ])
    }
  }
}

func expectSnapshot(
  _ grid: CellGrid, _ name: String, file: String = #filePath, sourceLocation: SourceLocation = #_sourceLocation
) {
  switch GridSnapshot.compare(grid, named: name, besides: file) {
  case .matched: break
  case .recorded(let path):
    Issue.record("recorded a new snapshot at \(path); check it and run again", sourceLocation: sourceLocation)
  case .mismatched(let diff): Issue.record("snapshot \(name) differs:\n\(diff)", sourceLocation: sourceLocation)
  }
}
