import Foundation
import PonderCore
import PonderTestSupport
import PonderTools
import Testing

/// The coordinator against a fake transport: call → approval → run → result → follow-up, the
/// retry without tools, the step limit, cancellation, and each protocol's follow-up form.
@Suite struct CoordinatorTests {
  static let ollama = OllamaAPI(host: .local)
  static let request = ChatRequest(model: "m", messages: [.user("What does notes.txt say?")])

  func coordinator(
    _ transport: CannedTransport, tools: [any Tool], policy: ApprovalPolicy = ApprovalPolicy(isInteractive: true),
    workspace: TempWorkspace, maxSteps: Int = 10,
    approve: @escaping ToolStreamingCoordinator.Approver = { _ in .deny }
  ) -> ToolStreamingCoordinator {
    ToolStreamingCoordinator(
      transport: transport, makeRequest: { Self.ollama.chatRequest($0) }, makeDecoder: { OllamaChatDecoder() },
      registry: ToolRegistry(tools), context: workspace.context, policy: policy, maxSteps: maxSteps, approve: approve)
  }

  @Test func aReadOnlyCallRunsAndTheFollowUpCarriesItsResult() async throws {
    let temp = try TempWorkspace()
    try temp.write("notes.txt", "alpha\nbeta\n")
    let call = ToolCall(id: "call_1", name: "read_file", arguments: ["path": "notes.txt"])
    let transport = CannedTransport([
      .ndjson([OllamaLines.thinking("Read it."), OllamaLines.toolCalls([call]), OllamaLines.done]),
      .ndjson([OllamaLines.content("It says "), OllamaLines.content("alpha, beta."), OllamaLines.done]),
    ])
    let recorder = EventRecorder()
    let outcome = await coordinator(transport, tools: [ReadFileTool()], workspace: temp)
      .run(Self.request, toolsSupported: true, emit: recorder.sink)

    let result = ToolResult(call: call, content: "alpha\nbeta\n", status: .ok)
    #expect(
      await recorder.normalized == [
        .stream(.reasoning("Read it.")), .toolCall(call), .responseDone(step: 0, OllamaLines.stats),
        .approval(call, .allowedByPolicy("read-only")), .toolStarted(call), .toolFinished(result),
        .stream(.answer("It says ")), .stream(.answer("alpha, beta.")), .responseDone(step: 1, OllamaLines.stats),
      ])
    let assistant = ChatMessage(role: .assistant, content: "", thinking: "Read it.", toolCalls: [call])
    #expect(
      outcome
        == ToolTurnOutcome(
          messages: [assistant, result.message, .assistant("It says alpha, beta.")],
          ending: .answered(OllamaLines.stats),
          steps: 1))
    let bodies = transport.bodies
    #expect(bodies.count == 2)
    #expect(bodies[0]["tools"]?.arrayValue?.first?["function"]?["name"] == "read_file")
    #expect(bodies[1]["tools"] == bodies[0]["tools"])
    #expect(
      bodies[1]["messages"]?.arrayValue?.last
        == ["role": "tool", "content": "alpha\nbeta\n", "tool_name": "read_file", "tool_call_id": "call_1"])
  }

  @Test func aWriteIsAskedAboutAndADenialIsSentBack() async throws {
    let temp = try TempWorkspace()
    let call = ToolCall(id: "w", name: "write_file", arguments: ["path": "x.txt", "content": "hi"])
    let transport = CannedTransport([
      .ndjson([OllamaLines.toolCalls([call]), OllamaLines.done]),
      .ndjson([OllamaLines.content("Understood."), OllamaLines.done]),
    ])
    let asked = AskLog()
    let outcome = await coordinator(transport, tools: [WriteFileTool()], workspace: temp) { request in
      asked.append(request)
      return .deny
    }.run(Self.request, toolsSupported: true, emit: { _ in })
    #expect(
      asked.requests == [
        ApprovalRequest(call: call, tool: WriteFileTool().definition, workspaceRoot: temp.workspace.root)
      ])
    #expect(temp.read("x.txt") == nil)
    let denial = ApprovalPolicy.denialMessage(toolName: "write_file", byUser: true)
    #expect(
      outcome.messages[1]
        == ChatMessage(role: .tool, content: denial, toolName: "write_file", toolCallID: "w", isError: true))
    #expect(transport.bodies[1]["messages"]?.arrayValue?.last?["content"] == .string(denial))
    #expect(outcome.ending == .answered(OllamaLines.stats))
  }

  @Test func alwaysAllowIsKeptSoTheNextTurnDoesNotAsk() async throws {
    let temp = try TempWorkspace()
    let call = ToolCall(id: "w", name: "write_file", arguments: ["path": "x.txt", "content": "hi"])
    let transport = CannedTransport([
      .ndjson([OllamaLines.toolCalls([call]), OllamaLines.done]),
      .ndjson([OllamaLines.content("Done."), OllamaLines.done]),
      .ndjson([OllamaLines.toolCalls([call]), OllamaLines.done]),
      .ndjson([OllamaLines.content("Again."), OllamaLines.done]),
    ])
    let asked = AskLog()
    let coordinator = coordinator(transport, tools: [WriteFileTool()], workspace: temp) { request in
      asked.append(request)
      return .alwaysAllow
    }
    let first = await coordinator.run(Self.request, toolsSupported: true, emit: { _ in })
    #expect(temp.read("x.txt") == "hi")
    let second = await coordinator.run(Self.request, toolsSupported: true, emit: { _ in })
    #expect(asked.requests.count == 1)
    #expect(await coordinator.policy.alwaysAllowed == ["write_file"])
    #expect(first.ending == .answered(OllamaLines.stats))
    #expect(second.messages[1].content == "wrote 2 bytes to x.txt (replaced a file of 2 bytes)")
  }

  @Test func readOnlyCallsOfOneResponseRunConcurrently() async throws {
    let temp = try TempWorkspace()
    let calls = [ToolCall(id: "a", name: "meet"), ToolCall(id: "b", name: "meet")]
    let transport = CannedTransport([
      .ndjson([OllamaLines.toolCalls(calls), OllamaLines.done]),
      .ndjson([OllamaLines.content("ok"), OllamaLines.done]),
    ])
    let outcome = await coordinator(transport, tools: [RendezvousTool(gate: Rendezvous(expected: 2))], workspace: temp)
      .run(Self.request, toolsSupported: true, emit: { _ in })
    #expect(outcome.messages.filter { $0.role == .tool }.map(\.content) == ["met", "met"])
    #expect(outcome.messages.filter { $0.role == .tool }.map(\.toolCallID) == ["a", "b"])
  }

  @Test func aServerRefusingToolsIsRetriedOnceWithoutThemAndTheLogSaysWhy() async throws {
    let temp = try TempWorkspace()
    let transport = CannedTransport([
      .error(400, #"{"error":"registry.ollama.ai/library/gemma3:latest does not support tools"}"#),
      .ndjson([OllamaLines.content("Hello."), OllamaLines.done]),
    ])
    let recorder = EventRecorder()
    let outcome = await coordinator(transport, tools: [ReadFileTool()], workspace: temp)
      .run(Self.request, toolsSupported: true, emit: recorder.sink)
    #expect(transport.bodies.map { $0["tools"] != nil } == [true, false])
    #expect(outcome.toolsRefused)
    #expect(
      await recorder.events.first
        == .notice(
          "the server refused tools (HTTP 400: registry.ollama.ai/library/gemma3:latest does not support tools); retrying once without tools"
        ))
    #expect(outcome.ending == .answered(OllamaLines.stats))
  }

  @Test func aModelWithoutToolSupportIsNotOfferedTools() async throws {
    let temp = try TempWorkspace()
    let transport = CannedTransport([.ndjson([OllamaLines.content("Hi."), OllamaLines.done])])
    let recorder = EventRecorder()
    _ = await coordinator(transport, tools: [ReadFileTool()], workspace: temp)
      .run(Self.request, toolsSupported: false, emit: recorder.sink)
    #expect(transport.bodies.first?["tools"] == nil)
    #expect(await recorder.events.first == .notice("m does not support tools; they are not offered"))
  }

  @Test func theStepLimitStopsAModelThatKeepsCallingTools() async throws {
    let temp = try TempWorkspace()
    let call = ToolCall(id: "t", name: "current_time")
    let transport = CannedTransport([.ndjson([OllamaLines.toolCalls([call]), OllamaLines.done])], repeatLast: true)
    let recorder = EventRecorder()
    let outcome = await coordinator(transport, tools: [CurrentTimeTool(now: { 0 })], workspace: temp, maxSteps: 2)
      .run(Self.request, toolsSupported: true, emit: recorder.sink)
    #expect(transport.requests.count == 3)
    #expect(outcome.ending == .stepLimit(2))
    #expect(outcome.steps == 2)
    #expect(outcome.messages.count == 6)
    #expect(outcome.messages.last?.content == "Not run: this turn reached its limit of 2 tool steps.")
    let note = "stopped after 2 tool steps (the step limit); the model's last 1 tool call(s) were not run"
    #expect(outcome.note == note)
    #expect(await recorder.events.contains(.notice(note)))
  }

  @Test func cancellingDuringAToolEndsTheTurnAndRecordsWhatRan() async throws {
    let temp = try TempWorkspace()
    let write = ToolCall(id: "w", name: "write_file", arguments: ["path": "x.txt", "content": "hi"])
    let calls = [ToolCall(id: "h", name: "hang"), write]
    let transport = CannedTransport([
      .ndjson([OllamaLines.toolCalls([calls[0]]), OllamaLines.toolCalls([write]), OllamaLines.done])
    ])
    let recorder = EventRecorder()
    let coordinator = coordinator(transport, tools: [HangingTool(), WriteFileTool()], workspace: temp) { _ in .allowOnce
    }
    let turn = Task { await coordinator.run(Self.request, toolsSupported: true, emit: recorder.sink) }
    await recorder.wait { if case .toolStarted = $0 { true } else { false } }
    turn.cancel()
    let outcome = await turn.value
    #expect(outcome.ending == .cancelled)
    #expect(transport.requests.count == 1)
    #expect(outcome.messages.first?.toolCalls == calls)
    let results = outcome.messages.filter { $0.role == .tool }
    #expect(results.map(\.toolCallID) == ["h", "w"])
    #expect(results.allSatisfy { $0.isError })
    #expect(
      results.map(\.content) == [
        "Cancelled by the user before hang produced a result.", "Not run: the user cancelled the turn.",
      ])
    #expect(temp.read("x.txt") == nil)
  }

  @Test func aRejectedRequestEndsTheTurnWithTheServersMessage() async throws {
    let temp = try TempWorkspace()
    let transport = CannedTransport([.error(404, #"{"error":"model 'm' not found"}"#)])
    let outcome = await coordinator(transport, tools: [ReadFileTool()], workspace: temp)
      .run(Self.request, toolsSupported: true, emit: { _ in })
    #expect(
      outcome
        == ToolTurnOutcome(
          messages: [], ending: .failed(ChatError(.rejected(status: 404), "model 'm' not found")), steps: 0))
  }
}

/// Records approval requests (the approver is a `@Sendable` closure).
final class AskLog: @unchecked Sendable {
  private let lock = NSLock()
  private var list: [ApprovalRequest] = []
  func append(_ request: ApprovalRequest) { lock.withLock { list.append(request) } }
  var requests: [ApprovalRequest] { lock.withLock { list } }
}
