import PonderCore
import Testing

/// The neutral follow-up messages of a tool round, serialised by each API builder in its
/// protocol's form (protocols.md §1.4, §2.1, §3).
@Suite struct ToolsHistorySerialisationTests {
  static let call = ToolCall(id: "call_1", name: "read_file", arguments: ["path": "a.txt"])
  static let request = ChatRequest(
    model: "m",
    messages: [
      .user("Read a.txt"),
      ChatMessage(role: .assistant, content: "", thinking: "look", toolCalls: [call]),
      ToolResult(call: call, content: "alpha", status: .ok).message,
      ToolResult(call: ToolCall(id: "call_2", name: "run_command"), content: "denied", status: .denied).message,
    ])

  @Test func ollamaSendsRoleToolWithToolName() throws {
    let body = try JSONValue.parse(OllamaAPI(host: .local).chatRequest(Self.request).body)
    let messages = try #require(body["messages"]?.arrayValue)
    #expect(
      messages[1]["tool_calls"] == [
        ["id": "call_1", "function": ["name": "read_file", "arguments": ["path": "a.txt"]]]
      ])
    #expect(messages[1]["thinking"] == "look")
    #expect(messages[2] == ["role": "tool", "content": "alpha", "tool_name": "read_file", "tool_call_id": "call_1"])
  }

  @Test func openAISendsToolCallIDAndArgumentsAsAString() throws {
    let body = try JSONValue.parse(OpenAIAPI(baseURL: APIBaseURL("http://h:1")).chatRequest(Self.request).body)
    let messages = try #require(body["messages"]?.arrayValue)
    #expect(messages[1]["tool_calls"]?.arrayValue?.first?["function"]?["arguments"] == #"{"path":"a.txt"}"#)
    #expect(messages[2] == ["role": "tool", "content": "alpha", "tool_call_id": "call_1"])
  }

  @Test func anthropicSendsToolResultBlocksWithIsErrorForFailures() throws {
    let body = try JSONValue.parse(AnthropicAPI(baseURL: APIBaseURL("http://h:1")).chatRequest(Self.request).body)
    let messages = try #require(body["messages"]?.arrayValue)
    #expect(
      messages[1]["content"] == [["type": "tool_use", "id": "call_1", "name": "read_file", "input": ["path": "a.txt"]]])
    #expect(
      messages[2]
        == [
          "role": "user",
          "content": [
            ["type": "tool_result", "tool_use_id": "call_1", "content": "alpha"],
            ["type": "tool_result", "tool_use_id": "call_2", "content": "denied", "is_error": true],
          ],
        ])
  }
}
