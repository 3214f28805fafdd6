import PonderCore
import Testing

@Suite struct AnthropicAPITests {
  private let api = AnthropicAPI(baseURL: APIBaseURL("http://h:8080/v1/"), apiKey: APIKey("sk-ant-SECRET"))

  @Test func urlHeadersAndDefaults() throws {
    let spec = api.chatRequest(ChatRequest(model: "claude", messages: [.user("hi")]))
    #expect(spec.url == "http://h:8080/v1/messages")
    #expect(spec.method == .post)
    #expect(
      spec.headers == [
        HTTPHeader("Content-Type", "application/json"), HTTPHeader("anthropic-version", "2023-06-01"),
        HTTPHeader("x-api-key", "sk-ant-SECRET"),
      ])
    let body = try JSONValue.parse(spec.body)
    #expect(body["max_tokens"] == 4096)
    #expect(body["stream"] == true)
    #expect(body["system"] == nil)
    #expect(body["thinking"] == nil)
    #expect(body["messages"] == [["role": "user", "content": "hi"]])
    #expect(api.modelsRequest().url == "http://h:8080/v1/models")
    #expect(!"\(spec) \(api) \(String(reflecting: api))".contains("SECRET"))
  }

  @Test func systemToolsAndToolHistory() throws {
    let request = ChatRequest(
      model: "claude",
      messages: [
        .system("Be brief."), .system("Use metric."), .user("Weather in Oslo and Bergen?"),
        ChatMessage(
          role: .assistant, content: "Checking.",
          toolCalls: [
            ToolCall(id: "toolu_1", name: "get_weather", arguments: ["city": "Oslo"]),
            ToolCall(id: "toolu_2", name: "get_weather", arguments: ["city": "Bergen"]),
          ]),
        ChatMessage(role: .tool, content: "7°C", toolCallID: "toolu_1"),
        ChatMessage(role: .tool, content: "9°C", toolCallID: "toolu_2"),
        .assistant("Oslo 7°C, Bergen 9°C."),
      ],
      tools: [ToolDefinition(name: "get_weather", description: "Weather", parameters: ["type": "object"])])
    let body = try JSONValue.parse(api.chatRequest(request).body)
    #expect(body["system"] == "Be brief.\n\nUse metric.")
    #expect(
      body["tools"] == [["name": "get_weather", "description": "Weather", "input_schema": ["type": "object"]]])
    #expect(
      body["messages"] == [
        ["role": "user", "content": "Weather in Oslo and Bergen?"],
        [
          "role": "assistant",
          "content": [
            ["type": "text", "text": "Checking."],
            ["type": "tool_use", "id": "toolu_1", "name": "get_weather", "input": ["city": "Oslo"]],
            ["type": "tool_use", "id": "toolu_2", "name": "get_weather", "input": ["city": "Bergen"]],
          ],
        ],
        [
          "role": "user",
          "content": [
            ["type": "tool_result", "tool_use_id": "toolu_1", "content": "7°C"],
            ["type": "tool_result", "tool_use_id": "toolu_2", "content": "9°C"],
          ],
        ],
        ["role": "assistant", "content": "Oslo 7°C, Bergen 9°C."],
      ])
  }

  @Test(arguments: [
    (ThinkSetting.enabled(true), 4096, 2048, 4096),
    (.level(.low), 4096, 1024, 4096),
    (.level(.high), 4096, 3072, 4096),
    (.level(.high), 32000, 8192, 32000),
    (.level(.medium), 1000, 1024, 1025),
  ])
  func thinkingBudgetStaysInRange(think: ThinkSetting, maxTokens: Int, budget: Int, sentMax: Int) throws {
    let api = AnthropicAPI(baseURL: APIBaseURL("h"), maxTokens: maxTokens)
    let body = try JSONValue.parse(api.chatRequest(ChatRequest(model: "m", messages: [], think: think)).body)
    #expect(body["thinking"] == ["type": "enabled", "budget_tokens": .number(Double(budget))])
    #expect(body["max_tokens"]?.intValue == sentMax)
    let sentBudget = try #require(body["thinking"]?["budget_tokens"]?.intValue)
    #expect(sentBudget >= 1024 && sentBudget < sentMax)
  }

  @Test func thinkingOffSendsNothing() throws {
    let body = try JSONValue.parse(api.chatRequest(ChatRequest(model: "m", messages: [], think: .enabled(false))).body)
    #expect(body["thinking"] == nil)
  }

  @Test func noKeyNoKeyHeader() {
    let spec = AnthropicAPI(baseURL: APIBaseURL("h")).modelsRequest()
    #expect(spec.headers == [HTTPHeader("anthropic-version", "2023-06-01")])
  }

  @Test func modelListIsRead() throws {
    let json = try JSONValue.parse(
      #"{"data":[{"type":"model","id":"claude-sonnet-4-5","display_name":"Claude Sonnet 4.5"}],"has_more":false}"#)
    #expect(AnthropicAPI.models(fromList: json) == [ModelInfo(name: "claude-sonnet-4-5")])
  }
}
