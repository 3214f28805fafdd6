import Foundation
import PonderCore
import PonderTestSupport
import PonderTools
import Testing

/// Tool calls arrive in each protocol's shape (OpenAI argument fragments by index, Anthropic
/// `input_json_delta`) and the results go back in each protocol's form.
@Suite struct CoordinatorProtocolTests {
  static let request = ChatRequest(model: "m", messages: [.user("notes?")])

  func run(
    _ transport: CannedTransport, makeRequest: @escaping ToolStreamingCoordinator.RequestBuilder,
    makeDecoder: @escaping ToolStreamingCoordinator.DecoderFactory, workspace: TempWorkspace
  ) async -> ToolTurnOutcome {
    await ToolStreamingCoordinator(
      transport: transport, makeRequest: makeRequest, makeDecoder: makeDecoder,
      registry: ToolRegistry([ReadFileTool()]),
      context: workspace.context, policy: ApprovalPolicy(isInteractive: false), approve: { _ in .deny }
    ).run(Self.request, toolsSupported: true, emit: { _ in })
  }

  static func openAIChunk(_ delta: String, finish: String? = nil) -> String {
    let reason = finish.map { "\"\($0)\"" } ?? "null"
    return
      #"data: {"id":"c","object":"chat.completion.chunk","model":"m","choices":[{"index":0,"delta":\#(delta),"finish_reason":\#(reason)}]}"#
  }

  @Test func openAIFragmentsAreAssembledAndTheResultGoesBackByToolCallID() async throws {
    let temp = try TempWorkspace()
    try temp.write("notes.txt", "alpha")
    let transport = CannedTransport([
      .sse([
        Self.openAIChunk(#"{"role":"assistant","content":null}"#),
        Self.openAIChunk(
          #"{"tool_calls":[{"index":0,"id":"call_9","type":"function","function":{"name":"read_file","arguments":""}}]}"#
        ),
        Self.openAIChunk(#"{"tool_calls":[{"index":0,"function":{"arguments":"{\"pa"}}]}"#),
        Self.openAIChunk(#"{"tool_calls":[{"index":0,"function":{"arguments":"th\": \"notes"}}]}"#),
        Self.openAIChunk(#"{"tool_calls":[{"index":0,"function":{"arguments":".txt\"}"}}]}"#),
        Self.openAIChunk("{}", finish: "tool_calls"), "data: [DONE]",
      ]),
      .sse([Self.openAIChunk(#"{"content":"It says alpha."}"#), Self.openAIChunk("{}", finish: "stop"), "data: [DONE]"]
      ),
    ])
    let api = OpenAIAPI(baseURL: APIBaseURL("http://127.0.0.1:8080"))
    let outcome = await run(
      transport, makeRequest: { api.chatRequest($0) }, makeDecoder: { OpenAIChatDecoder() }, workspace: temp)
    #expect(outcome.messages.last == .assistant("It says alpha."))
    let messages = try #require(transport.bodies.last?["messages"]?.arrayValue)
    #expect(
      messages[1]["tool_calls"]?.arrayValue?.first?["function"] == [
        "name": "read_file", "arguments": #"{"path":"notes.txt"}"#,
      ])
    #expect(messages[2] == ["role": "tool", "content": "alpha", "tool_call_id": "call_9"])
  }

  static func anthropicEvent(_ name: String, _ data: String) -> String { "event: \(name)\ndata: \(data)" }

  @Test func anthropicInputJSONDeltasAreAssembledAndTheResultGoesBackAsAToolResultBlock() async throws {
    let temp = try TempWorkspace()
    try temp.write("notes.txt", "alpha")
    let transport = CannedTransport([
      .sse([
        Self.anthropicEvent(
          "message_start",
          #"{"type":"message_start","message":{"id":"msg","type":"message","role":"assistant","content":[],"model":"m","usage":{"input_tokens":5,"output_tokens":1}}}"#
        ),
        Self.anthropicEvent(
          "content_block_start",
          #"{"type":"content_block_start","index":0,"content_block":{"type":"tool_use","id":"toolu_1","name":"read_file","input":{}}}"#
        ),
        Self.anthropicEvent(
          "content_block_delta",
          #"{"type":"content_block_delta","index":0,"delta":{"type":"input_json_delta","partial_json":""}}"#),
        Self.anthropicEvent(
          "content_block_delta",
          #"{"type":"content_block_delta","index":0,"delta":{"type":"input_json_delta","partial_json":"{\"path\": \"no"}}"#
        ),
        Self.anthropicEvent(
          "content_block_delta",
          #"{"type":"content_block_delta","index":0,"delta":{"type":"input_json_delta","partial_json":"tes.txt\"}"}}"#),
        Self.anthropicEvent("content_block_stop", #"{"type":"content_block_stop","index":0}"#),
        Self.anthropicEvent(
          "message_delta", #"{"type":"message_delta","delta":{"stop_reason":"tool_use"},"usage":{"output_tokens":9}}"#),
        Self.anthropicEvent("message_stop", #"{"type":"message_stop"}"#),
      ]),
      .sse([
        Self.anthropicEvent(
          "message_start",
          #"{"type":"message_start","message":{"id":"msg2","type":"message","role":"assistant","content":[],"model":"m","usage":{"input_tokens":9,"output_tokens":1}}}"#
        ),
        Self.anthropicEvent(
          "content_block_start", #"{"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}"#),
        Self.anthropicEvent(
          "content_block_delta",
          #"{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"It says alpha."}}"#),
        Self.anthropicEvent("content_block_stop", #"{"type":"content_block_stop","index":0}"#),
        Self.anthropicEvent(
          "message_delta", #"{"type":"message_delta","delta":{"stop_reason":"end_turn"},"usage":{"output_tokens":4}}"#),
        Self.anthropicEvent("message_stop", #"{"type":"message_stop"}"#),
      ]),
    ])
    let api = AnthropicAPI(baseURL: APIBaseURL("http://127.0.0.1:8080"))
    let outcome = await run(
      transport, makeRequest: { api.chatRequest($0) }, makeDecoder: { AnthropicDecoder() }, workspace: temp)
    #expect(outcome.messages.last == .assistant("It says alpha."))
    let messages = try #require(transport.bodies.last?["messages"]?.arrayValue)
    #expect(
      messages[1]["content"] == [
        ["type": "tool_use", "id": "toolu_1", "name": "read_file", "input": ["path": "notes.txt"]]
      ])
    #expect(
      messages[2] == [
        "role": "user", "content": [["type": "tool_result", "tool_use_id": "toolu_1", "content": "alpha"]],
      ])
  }
}
