import PonderCore
import Testing

/// One row of a turn: what the machine is fed, and the actions it must answer with.
struct TurnStep: Sendable, CustomStringConvertible {
  enum Input: Sendable {
    case event(StreamEvent)
    case approval(ApprovalDecision, ToolCall)
    case results([ToolResult])
    case cancel
  }

  var input: Input
  var expected: [ToolTurnMachine.Action]

  var description: String { "\(input)" }
}

/// A whole scenario for the table test.
struct TurnScenario: Sendable, CustomStringConvertible {
  var name: String
  var policy = ApprovalPolicy(isInteractive: true)
  var maxSteps = 10
  var toolsSupported = true
  var steps: [TurnStep]

  var description: String { name }
}

enum TurnFixtures {
  static let readTool = ToolDefinition(
    name: "read_file", description: "read", parameters: ["type": "object"], isReadOnly: true)
  static let writeTool = ToolDefinition(name: "write_file", description: "write", parameters: ["type": "object"])
  static let commandTool = ToolDefinition(name: "run_command", description: "run", parameters: ["type": "object"])
  static let tools = [readTool, writeTool, commandTool]
  static let request = ChatRequest(model: "m", messages: [.user("hi")])
  static let stats = GenerationStats(doneReason: "stop")

  static func read(_ path: String, id: String = "call_r") -> ToolCall {
    ToolCall(id: id, name: "read_file", arguments: ["path": .string(path)])
  }
  static let write = ToolCall(id: "call_w", name: "write_file", arguments: ["path": "a.txt", "content": "x"])
  static let command = ToolCall(id: "call_c", name: "run_command", arguments: ["command": "ls"])

  static func ok(_ call: ToolCall, _ text: String) -> ToolResult { ToolResult(call: call, content: text, status: .ok) }

  static func assistant(_ text: String = "", thinking: String? = nil, calls: [ToolCall]) -> ChatMessage {
    ChatMessage(role: .assistant, content: text, thinking: thinking, toolCalls: calls)
  }

  static func answered(_ messages: [ChatMessage], steps: Int) -> ToolTurnMachine.Action {
    .finish(ToolTurnOutcome(messages: messages, ending: .answered(stats), steps: steps))
  }

  static func done(step: Int) -> ToolTurnMachine.Action { .emit(.responseDone(step: step, stats)) }

  static let denialText = ApprovalPolicy.denialMessage(toolName: "write_file", byUser: true)
}

@Suite struct ToolsTurnMachineTests {
  typealias F = TurnFixtures

  static let scenarios: [TurnScenario] = [
    TurnScenario(
      name: "plain answer: text streams through, done finishes",
      steps: [
        TurnStep(input: .event(.reasoning("hm")), expected: [.emit(.stream(.reasoning("hm")))]),
        TurnStep(input: .event(.answer("Hi")), expected: [.emit(.stream(.answer("Hi")))]),
        TurnStep(
          input: .event(.done(F.stats)),
          expected: [
            F.done(step: 0), F.answered([ChatMessage(role: .assistant, content: "Hi", thinking: "hm")], steps: 0),
          ]),
      ]),
    TurnScenario(
      name: "read-only call: runs without asking, result goes back, answer follows",
      steps: [
        TurnStep(input: .event(.answer("Let me look.")), expected: [.emit(.stream(.answer("Let me look.")))]),
        TurnStep(input: .event(.toolCalls([F.read("a.txt")])), expected: [.emit(.toolCall(F.read("a.txt")))]),
        TurnStep(
          input: .event(.done(F.stats)),
          expected: [
            F.done(step: 0), .emit(.approval(F.read("a.txt"), .allowedByPolicy("read-only"))),
            .runTools([F.read("a.txt")]),
          ]),
        TurnStep(
          input: .results([F.ok(F.read("a.txt"), "alpha")]),
          expected: [
            .sendFollowUp([
              F.assistant("Let me look.", calls: [F.read("a.txt")]),
              ChatMessage(role: .tool, content: "alpha", toolName: "read_file", toolCallID: "call_r"),
            ])
          ]),
        TurnStep(input: .event(.answer("It says alpha.")), expected: [.emit(.stream(.answer("It says alpha.")))]),
        TurnStep(
          input: .event(.done(F.stats)),
          expected: [
            F.done(step: 1),
            F.answered(
              [
                F.assistant("Let me look.", calls: [F.read("a.txt")]),
                ChatMessage(role: .tool, content: "alpha", toolName: "read_file", toolCallID: "call_r"),
                ChatMessage(role: .assistant, content: "It says alpha."),
              ], steps: 1),
          ]),
      ]),
    TurnScenario(
      name: "writing asks; allow once runs it",
      steps: [
        TurnStep(input: .event(.toolCalls([F.write])), expected: [.emit(.toolCall(F.write))]),
        TurnStep(input: .event(.done(F.stats)), expected: [F.done(step: 0), .requestApproval(F.write)]),
        TurnStep(
          input: .approval(.allowOnce, F.write),
          expected: [.emit(.approval(F.write, .decidedByUser(.allowOnce))), .runTools([F.write])]),
        TurnStep(
          input: .results([F.ok(F.write, "wrote")]),
          expected: [
            .sendFollowUp([
              F.assistant(calls: [F.write]),
              ChatMessage(role: .tool, content: "wrote", toolName: "write_file", toolCallID: "call_w"),
            ])
          ]),
      ]),
    TurnScenario(
      name: "denied by the user: the model is told, nothing runs",
      steps: [
        TurnStep(input: .event(.toolCalls([F.write])), expected: [.emit(.toolCall(F.write))]),
        TurnStep(input: .event(.done(F.stats)), expected: [F.done(step: 0), .requestApproval(F.write)]),
        TurnStep(
          input: .approval(.deny, F.write),
          expected: [
            .emit(.approval(F.write, .decidedByUser(.deny))),
            .emit(.toolFinished(ToolResult(call: F.write, content: F.denialText, status: .denied))),
            .sendFollowUp([
              F.assistant(calls: [F.write]),
              ChatMessage(
                role: .tool, content: F.denialText, toolName: "write_file", toolCallID: "call_w", isError: true),
            ]),
          ]),
      ]),
    TurnScenario(
      name: "non-interactive: a command is denied without asking",
      policy: ApprovalPolicy(isInteractive: false),
      steps: [
        TurnStep(input: .event(.toolCalls([F.command])), expected: [.emit(.toolCall(F.command))]),
        TurnStep(
          input: .event(.done(F.stats)),
          expected: [
            F.done(step: 0),
            .emit(.approval(F.command, .deniedByPolicy(nonInteractiveReason))),
            .emit(.toolFinished(ToolResult(call: F.command, content: nonInteractiveText, status: .denied))),
            .sendFollowUp([
              F.assistant(calls: [F.command]),
              ChatMessage(
                role: .tool, content: nonInteractiveText, toolName: "run_command", toolCallID: "call_c", isError: true),
            ]),
          ]),
      ]),
    TurnScenario(
      name: "--allow run_command: runs without asking",
      policy: ApprovalPolicy(isInteractive: false, commandLineAllowed: ["run_command"]),
      steps: [
        TurnStep(input: .event(.toolCalls([F.command])), expected: [.emit(.toolCall(F.command))]),
        TurnStep(
          input: .event(.done(F.stats)),
          expected: [
            F.done(step: 0), .emit(.approval(F.command, .allowedByPolicy("--allow run_command"))),
            .runTools([F.command]),
          ]),
      ]),
    TurnScenario(
      name: "--yes: read-only calls share a batch, a command runs alone, in order",
      policy: ApprovalPolicy(isInteractive: false, allowAll: true),
      steps: [
        TurnStep(
          input: .event(.toolCalls([F.read("a", id: "1"), F.read("b", id: "2"), F.command, F.read("c", id: "3")])),
          expected: [F.read("a", id: "1"), F.read("b", id: "2"), F.command, F.read("c", id: "3")].map {
            .emit(.toolCall($0))
          }),
        TurnStep(
          input: .event(.done(F.stats)),
          expected: [F.done(step: 0)]
            + [F.read("a", id: "1"), F.read("b", id: "2"), F.command, F.read("c", id: "3")].map {
              .emit(.approval($0, .allowedByPolicy("--yes")))
            }
            + [.runTools([F.read("a", id: "1"), F.read("b", id: "2")])]),
        TurnStep(
          input: .results([F.ok(F.read("a", id: "1"), "A"), F.ok(F.read("b", id: "2"), "B")]),
          expected: [.runTools([F.command])]),
        TurnStep(input: .results([F.ok(F.command, "ls")]), expected: [.runTools([F.read("c", id: "3")])]),
      ]),
    TurnScenario(
      name: "allow for this session: the second call of the same tool is not asked about",
      steps: [
        TurnStep(
          input: .event(
            .toolCalls([F.command, ToolCall(id: "c2", name: "run_command", arguments: ["command": "pwd"])])),
          expected: [
            .emit(.toolCall(F.command)),
            .emit(.toolCall(ToolCall(id: "c2", name: "run_command", arguments: ["command": "pwd"]))),
          ]),
        TurnStep(input: .event(.done(F.stats)), expected: [F.done(step: 0), .requestApproval(F.command)]),
        TurnStep(
          input: .approval(.allowForSession, F.command),
          expected: [
            .emit(.approval(F.command, .decidedByUser(.allowForSession))),
            .emit(
              .approval(
                ToolCall(id: "c2", name: "run_command", arguments: ["command": "pwd"]),
                .allowedByPolicy("allowed for this session"))),
            .runTools([F.command]),
          ]),
      ]),
    TurnScenario(
      name: "unknown tool and bad arguments get error results without running",
      steps: [
        TurnStep(
          input: .event(
            .toolCalls([
              ToolCall(id: "u", name: "launch_rockets"),
              ToolCall(id: "b", name: "read_file", arguments: .string("{oops"), argumentsError: "bad json"),
            ])),
          expected: [
            .emit(.toolCall(ToolCall(id: "u", name: "launch_rockets"))),
            .emit(
              .toolCall(ToolCall(id: "b", name: "read_file", arguments: .string("{oops"), argumentsError: "bad json"))),
          ]),
        TurnStep(
          input: .event(.done(F.stats)),
          expected: [
            F.done(step: 0),
            .emit(
              .toolFinished(
                ToolResult(call: ToolCall(id: "u", name: "launch_rockets"), content: unknownText, status: .failed))),
            .emit(
              .toolFinished(
                ToolResult(
                  call: ToolCall(id: "b", name: "read_file", arguments: .string("{oops"), argumentsError: "bad json"),
                  content: badArgumentsText, status: .failed))),
            .sendFollowUp([
              F.assistant(calls: [
                ToolCall(id: "u", name: "launch_rockets"),
                ToolCall(id: "b", name: "read_file", arguments: .string("{oops"), argumentsError: "bad json"),
              ]),
              ChatMessage(
                role: .tool, content: unknownText, toolName: "launch_rockets", toolCallID: "u", isError: true),
              ChatMessage(
                role: .tool, content: badArgumentsText, toolName: "read_file", toolCallID: "b", isError: true),
            ]),
          ]),
      ]),
    TurnScenario(
      name: "step limit: past it the calls are not run and the turn finishes with a note",
      maxSteps: 1,
      steps: [
        TurnStep(input: .event(.toolCalls([F.read("a")])), expected: [.emit(.toolCall(F.read("a")))]),
        TurnStep(
          input: .event(.done(F.stats)),
          expected: [
            F.done(step: 0), .emit(.approval(F.read("a"), .allowedByPolicy("read-only"))), .runTools([F.read("a")]),
          ]),
        TurnStep(
          input: .results([F.ok(F.read("a"), "A")]),
          expected: [
            .sendFollowUp([
              F.assistant(calls: [F.read("a")]),
              ChatMessage(role: .tool, content: "A", toolName: "read_file", toolCallID: "call_r"),
            ])
          ]),
        TurnStep(input: .event(.toolCalls([F.read("b")])), expected: [.emit(.toolCall(F.read("b")))]),
        TurnStep(
          input: .event(.done(F.stats)),
          expected: [
            F.done(step: 1), .emit(.notice(stepLimitNote)),
            .finish(
              ToolTurnOutcome(
                messages: [
                  F.assistant(calls: [F.read("a")]),
                  ChatMessage(role: .tool, content: "A", toolName: "read_file", toolCallID: "call_r"),
                  F.assistant(calls: [F.read("b")]),
                  ChatMessage(
                    role: .tool, content: stepLimitText, toolName: "read_file", toolCallID: "call_r", isError: true),
                ], ending: .stepLimit(1), steps: 1, note: stepLimitNote)),
          ]),
      ]),
    TurnScenario(
      name: "a server refusing tools is retried once without them",
      steps: [
        TurnStep(
          input: .event(.error(refusal)),
          expected: [
            .emit(.notice("the server refused tools (\(refusal)); retrying once without tools")),
            .send(ChatRequest(model: "m", messages: [.user("hi")])),
          ]),
        TurnStep(input: .event(.error(refusal)), expected: [.fail(refusal)]),
      ]),
    TurnScenario(
      name: "a mid-stream error fails the turn and keeps the partial text",
      steps: [
        TurnStep(input: .event(.answer("Half")), expected: [.emit(.stream(.answer("Half")))]),
        TurnStep(input: .event(.error(ChatError(.server, "boom"))), expected: [.fail(ChatError(.server, "boom"))]),
      ]),
    TurnScenario(
      name: "cancel while a tool runs: the call is recorded as not run and the turn ends",
      steps: [
        TurnStep(
          input: .event(.toolCalls([F.read("a"), F.write])),
          expected: [.emit(.toolCall(F.read("a"))), .emit(.toolCall(F.write))]),
        TurnStep(
          input: .event(.done(F.stats)),
          expected: [
            F.done(step: 0), .emit(.approval(F.read("a"), .allowedByPolicy("read-only"))), .requestApproval(F.write),
          ]),
        TurnStep(
          input: .cancel,
          expected: [
            .finish(
              ToolTurnOutcome(
                messages: [
                  F.assistant(calls: [F.read("a"), F.write]),
                  ChatMessage(
                    role: .tool, content: cancelText, toolName: "read_file", toolCallID: "call_r", isError: true),
                  ChatMessage(
                    role: .tool, content: cancelText, toolName: "write_file", toolCallID: "call_w", isError: true),
                ], ending: .cancelled, steps: 0))
          ]),
        TurnStep(input: .event(.answer("late")), expected: []),
      ]),
    TurnScenario(
      name: "a cancelled stream ends the turn as cancelled",
      steps: [
        TurnStep(input: .event(.answer("Par")), expected: [.emit(.stream(.answer("Par")))]),
        TurnStep(
          input: .event(.error(ChatError(.cancelled, "cancelled"))),
          expected: [
            .finish(
              ToolTurnOutcome(messages: [ChatMessage(role: .assistant, content: "Par")], ending: .cancelled, steps: 0))
          ]),
      ]),
  ]

  static let refusal = ChatError(
    .rejected(status: 400), "registry.ollama.ai/library/gemma3:latest does not support tools")
  static let nonInteractiveReason = "needs approval, and nobody can be asked (use --allow run_command or --yes)"
  static let nonInteractiveText = ApprovalPolicy.denialMessage(
    toolName: "run_command", byUser: false, reason: nonInteractiveReason)
  static let unknownText = "There is no tool named launch_rockets. Available tools: read_file, write_file, run_command."
  static let badArgumentsText =
    "The arguments for read_file are not a valid JSON object (bad json). Call it again with a JSON object that matches its parameter schema."
  static let stepLimitNote = "stopped after 1 tool steps (the step limit); the model's last 1 tool call(s) were not run"
  static let stepLimitText = "Not run: this turn reached its limit of 1 tool steps."
  static let cancelText = "Not run: the user cancelled the turn."

  @Test(arguments: scenarios)
  func turn(_ scenario: TurnScenario) {
    var machine = ToolTurnMachine(
      request: F.request, tools: F.tools, toolsSupported: scenario.toolsSupported, policy: scenario.policy,
      maxSteps: scenario.maxSteps)
    #expect(
      machine.start() == [.send(ChatRequest(model: "m", messages: [.user("hi")], tools: F.tools))])
    for (index, step) in scenario.steps.enumerated() {
      let actions: [ToolTurnMachine.Action]
      switch step.input {
      case .event(let event): actions = machine.receive(event)
      case .approval(let decision, let call): actions = machine.approvalDecided(decision, for: call)
      case .results(let results): actions = machine.toolsFinished(results)
      case .cancel: actions = machine.cancel()
      }
      #expect(actions == step.expected, "step \(index): \(step)")
    }
  }

  @Test func theFollowUpRequestEndsWithTheNewMessagesAndKeepsTheTools() {
    var machine = ToolTurnMachine(
      request: F.request, tools: F.tools, toolsSupported: true, policy: ApprovalPolicy(isInteractive: true))
    _ = machine.start()
    _ = machine.receive(.toolCalls([F.read("a")]))
    _ = machine.receive(.done(F.stats))
    let actions = machine.toolsFinished([F.ok(F.read("a"), "A")])
    guard case .sendFollowUp(let added)? = actions.first else {
      Issue.record("expected a follow-up, got \(actions)")
      return
    }
    #expect(machine.request.messages == [.user("hi")] + added)
    #expect(machine.request.tools == F.tools)
    #expect(machine.step == 1)
  }

  @Test func toolsAreNotOfferedToAModelWithoutTheCapability() {
    var machine = ToolTurnMachine(
      request: F.request, tools: F.tools, toolsSupported: false, policy: ApprovalPolicy(isInteractive: true))
    #expect(
      machine.start() == [
        .emit(.notice("m does not support tools; they are not offered")),
        .send(ChatRequest(model: "m", messages: [.user("hi")])),
      ])
    _ = machine.receive(.toolCalls([F.read("a")]))
    let actions = machine.receive(.done(F.stats))
    let text = "No tools are available in this conversation; answer without them."
    #expect(actions.contains(.emit(.toolFinished(ToolResult(call: F.read("a"), content: text, status: .failed)))))
  }

  @Test func aRefusalAfterOutputOrOnAFollowUpIsNotRetried() {
    var machine = ToolTurnMachine(
      request: F.request, tools: F.tools, toolsSupported: true, policy: ApprovalPolicy(isInteractive: true))
    _ = machine.start()
    _ = machine.receive(.answer("x"))
    #expect(machine.receive(.error(Self.refusal)) == [.fail(Self.refusal)])
    #expect(machine.transcript == [ChatMessage(role: .assistant, content: "x")])
  }

  @Test func anOtherRejectionIsNotMistakenForARefusalOfTools() {
    var machine = ToolTurnMachine(
      request: F.request, tools: F.tools, toolsSupported: true, policy: ApprovalPolicy(isInteractive: true))
    _ = machine.start()
    let notFound = ChatError(.rejected(status: 404), "model 'm' not found")
    #expect(machine.receive(.error(notFound)) == [.fail(notFound)])
  }

  @Test func resultsReportedOutOfTurnAreIgnored() {
    var machine = ToolTurnMachine(
      request: F.request, tools: F.tools, toolsSupported: true, policy: ApprovalPolicy(isInteractive: true))
    _ = machine.start()
    #expect(machine.toolsFinished([F.ok(F.read("a"), "A")]) == [])
    #expect(machine.approvalDecided(.allowOnce, for: F.write) == [])
  }

  @Test func theUsersAnswersAreKeptInThePolicy() {
    var machine = ToolTurnMachine(
      request: F.request, tools: F.tools, toolsSupported: true, policy: ApprovalPolicy(isInteractive: true))
    _ = machine.start()
    _ = machine.receive(.toolCalls([F.write]))
    _ = machine.receive(.done(F.stats))
    _ = machine.approvalDecided(.alwaysAllow, for: F.write)
    #expect(machine.policy.alwaysAllowed == ["write_file"])
    #expect(machine.policy.verdict(for: F.writeTool) == .allow("always allowed"))
  }
}
