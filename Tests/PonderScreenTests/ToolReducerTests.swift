import PonderCore
import PonderScreen
import PonderTestSupport
import Testing

/// Tool work in the TUI: the Log and the Answer pane show each call and result, the approval
/// overlay answers with the user's choice, and the turn's messages become the history.
@Suite struct ToolReducerTests {
  static let call = ToolCall(id: "c1", name: "run_command", arguments: ["command": "make test", "timeout": 30])
  static let tool = ToolDefinition(
    name: "run_command", description: "Runs a shell command in the workspace.", parameters: .emptyObject)
  static let prompt = ApprovalRequest(call: call, tool: tool, workspaceRoot: "/home/ada/project")

  func startedSession() -> Session {
    var session = Session()
    session.type("run the tests")
    session.press(.enter)
    session.effects = []
    return session
  }

  func tool(_ events: [ToolTurnEvent], _ session: inout Session, text: [StreamEvent] = []) {
    session.send(.stream(ResponseBatch(events: text, toolEvents: events)), after: .milliseconds(50))
  }

  @Test(arguments: [
    (KeyPress.character("o"), ApprovalDecision.allowOnce), (.character("s"), .allowForSession),
    (.character("a"), .alwaysAllow), (.character("d"), .deny), (.escape, .deny), (.character("3"), .alwaysAllow),
  ])
  func theOverlayAnswersWithTheChosenDecision(key: KeyPress, decision: ApprovalDecision) {
    var session = startedSession()
    session.send(.approvalRequested(Self.prompt))
    #expect(session.state.overlay == .approval(Self.prompt))
    session.type("x")  // other keys are swallowed: the input line does not steal them, nor they it
    #expect(session.state.overlay == .approval(Self.prompt))
    #expect(session.state.input.isEmpty)
    session.press(key)
    #expect(session.effects == [.answerApproval(decision, Self.call)])
    #expect(session.state.overlay == nil)
  }

  @Test func controlCInTheOverlayCancelsTheTurn() {
    var session = startedSession()
    session.send(.approvalRequested(Self.prompt))
    session.press(.control("c"))
    #expect(session.effects == [.cancelTurn])
    #expect(session.state.overlay == nil)
  }

  @Test func anApprovalWithNoTurnRunningIsDenied() {
    var session = Session()
    session.send(.approvalRequested(Self.prompt))
    #expect(session.effects == [.answerApproval(.deny, Self.call)])
    #expect(session.state.overlay == nil)
  }

  @Test func callsAndResultsShowInTheLogAndTheAnswerPane() {
    var session = startedSession()
    let asked = GenerationStats(doneReason: "stop", completionTokens: 9)
    tool([.toolCall(Self.call), .responseDone(step: 0, asked)], &session, text: [.reasoning("I should run them.")])
    tool([.approval(Self.call, .decidedByUser(.allowOnce)), .toolStarted(Self.call)], &session)
    let result = ToolResult(
      call: Self.call, content: "exit status 0\n12 tests passed", status: .ok, duration: .milliseconds(1234))
    tool([.toolFinished(result)], &session)
    let log = session.state.log.lines.map(\.display)
    #expect(log.contains { $0.hasSuffix("⚙ call run_command {\"command\":\"make test\",\"timeout\":30}") })
    #expect(log.contains { $0.hasSuffix("⚙ run_command allowed once by you") })
    #expect(log.contains { $0.hasSuffix("← run_command ok · 29 bytes · 1234 ms") })
    #expect(log.contains { $0.hasSuffix("✓ response 1 asked for 1 tool call · 9 tokens") })
    let answer = session.state.answer.lines.map(\.display)
    #expect(answer.contains("⚙ run_command {\"command\":\"make test\",\"timeout\":30}"))
    #expect(answer.contains("  ↳ ok · 29 bytes"))
    #expect(session.state.turn != nil)  // one response ended, not the turn
  }

  @Test func aResponseWithoutCallsIsLoggedOnceAsTheTurnsEnd() {
    var session = startedSession()
    let stats = GenerationStats(doneReason: "stop", completionTokens: 3)
    let outcome = ToolTurnOutcome(messages: [.assistant("Hi.")], ending: .answered(stats), steps: 0)
    tool([.responseDone(step: 0, stats), .turnEnded(outcome)], &session, text: [.answer("Hi.")])
    let log = session.state.log.lines.map(\.display)
    #expect(!log.contains { $0.contains("response 1") })
    #expect(log.filter { $0.contains("✓ done (stop) · 3 tokens") }.count == 1)
  }

  @Test func theTurnsMessagesBecomeTheHistoryForTheNextRequest() {
    var session = startedSession()
    let result = ToolResult(call: Self.call, content: "ok", status: .ok)
    let added: [ChatMessage] = [
      ChatMessage(role: .assistant, content: "", toolCalls: [Self.call]), result.message, .assistant("All 12 pass."),
    ]
    tool([.toolCall(Self.call), .toolFinished(result)], &session)
    let stats = GenerationStats(doneReason: "stop", completionTokens: 4, evalNanoseconds: 100_000_000)
    tool(
      [.turnEnded(ToolTurnOutcome(messages: added, ending: .answered(stats), steps: 1))], &session,
      text: [.answer("All 12 pass.")])
    #expect(session.state.turn == nil)
    #expect(session.state.messages == [.user("run the tests")] + added)
    #expect(session.state.lastAnswer == "All 12 pass.")
    session.type("thanks")
    session.press(.enter)
    guard case .startTurn(let request)? = session.effects.last else {
      Issue.record("expected a new turn, got \(session.effects)")
      return
    }
    #expect(request.messages.map(\.role) == [.user, .assistant, .tool, .assistant, .user])
  }

  @Test func aCancelledToolTurnIsMarkedAndKeepsWhatRan() {
    var session = startedSession()
    let notRun = ToolResult(call: Self.call, content: "Not run: the user cancelled the turn.", status: .notRun)
    let added: [ChatMessage] = [ChatMessage(role: .assistant, content: "", toolCalls: [Self.call]), notRun.message]
    tool([.turnEnded(ToolTurnOutcome(messages: added, ending: .cancelled, steps: 0))], &session)
    #expect(session.state.turn == nil)
    #expect(session.state.lastTurn?.outcome == .cancelled)
    #expect(session.state.messages.isEmpty)
    #expect(session.state.excludedExchange?.count == 3)
  }

  @Test func theStepLimitIsSaidInTheLog() {
    var session = startedSession()
    let note = "stopped after 10 tool steps (the step limit); the model's last 1 tool call(s) were not run"
    tool(
      [.notice(note), .turnEnded(ToolTurnOutcome(messages: [], ending: .stepLimit(10), steps: 10, note: note))],
      &session)
    #expect(session.state.log.lines.map(\.display).filter { $0.contains(note) }.count == 2)
    #expect(session.state.turn == nil)
  }

  @Test(arguments: [(40, 12), (60, 14), (80, 24)])
  func theAnswersShowOnEveryScreenSize(width: Int, height: Int) {
    var session = Session(width: width, height: height)
    session.type("go")
    session.press(.enter)
    let many = ToolCall(
      id: "c2", name: "run_command", arguments: .object((1...9).map { JSONMember("arg\($0)", .string("v\($0)")) }))
    session.send(.approvalRequested(ApprovalRequest(call: many, tool: Self.tool, workspaceRoot: "/w")))
    let text = session.render().lines.joined(separator: "\n")
    for answer in ["allow once", "for this session", "always allow", "deny"] {
      #expect(text.contains(answer), "\(width)x\(height) hides \"\(answer)\"")
    }
    #expect(text.contains("arg1"))
  }

  @Test func approvalOverlayAt80x24() {
    var session = startedSession()
    tool([.toolCall(Self.call)], &session, text: [.reasoning("Running the tests is the way to know.")])
    session.send(.approvalRequested(Self.prompt))
    expectSnapshot(session.render(), "approval-80x24")
  }
}
