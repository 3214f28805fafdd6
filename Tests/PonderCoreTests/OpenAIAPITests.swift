import PonderCore
import Testing

@Suite struct OpenAIAPITests {
  private let history: [ChatMessage] = [
    .system("Be brief."),
    .user("Weather in Oslo?"),
    ChatMessage(
      role: .assistant, content: "", thinking: "need the tool",
      toolCalls: [ToolCall(id: "call_1", name: "get_weather", arguments: ["city": "Oslo"])]),
    ChatMessage(role: .tool, content: "7°C", toolName: "get_weather", toolCallID: "call_1"),
  ]
  private let tool = ToolDefinition(
    name: "get_weather", description: "Weather for a city", parameters: ["type": "object"])

  @Test(arguments: [
    "http://h:8080", "http://h:8080/", "http://h:8080/v1", "http://h:8080/v1/", " h:8080/v1 ",
  ])
  func baseURLWithOrWithoutV1(base: String) {
    let api = OpenAIAPI(baseURL: APIBaseURL(base))
    #expect(api.chatRequest(ChatRequest(model: "m", messages: [])).url == "http://h:8080/v1/chat/completions")
    #expect(api.modelsRequest().url == "http://h:8080/v1/models")
    #expect(api.modelsRequest().method == .get)
  }

  @Test func pathBeforeV1IsKept() {
    #expect(APIBaseURL("https://openrouter.ai/api/v1").endpoint("/models") == "https://openrouter.ai/api/v1/models")
  }

  @Test func chatBodyCarriesStreamingUsageHistoryToolsAndEffort() throws {
    let api = OpenAIAPI(baseURL: APIBaseURL("http://h:8080"))
    let request = ChatRequest(
      model: "qwen3", messages: history, think: .level(.high), options: ["temperature": 0.5, "num_ctx": 8192],
      tools: [tool])
    let spec = api.chatRequest(request)
    #expect(spec.method == .post)
    #expect(spec.headers == [HTTPHeader("Content-Type", "application/json")])
    let body = try JSONValue.parse(spec.body)
    #expect(body["model"] == "qwen3")
    #expect(body["stream"] == true)
    #expect(body["stream_options"] == ["include_usage": true])
    #expect(body["reasoning_effort"] == "high")
    #expect(body["temperature"] == 0.5)
    #expect(body["num_ctx"] == nil)
    let messages = try #require(body["messages"]?.arrayValue)
    #expect(messages.count == 4)
    #expect(messages[0] == ["role": "system", "content": "Be brief."])
    #expect(
      messages[2] == [
        "role": "assistant", "content": nil,
        "tool_calls": [
          [
            "id": "call_1", "type": "function",
            "function": ["name": "get_weather", "arguments": .string(#"{"city":"Oslo"}"#)],
          ]
        ],
      ])
    #expect(messages[3] == ["role": "tool", "content": "7°C", "tool_call_id": "call_1"])
    #expect(
      body["tools"] == [
        [
          "type": "function",
          "function": ["name": "get_weather", "description": "Weather for a city", "parameters": ["type": "object"]],
        ]
      ])
  }

  @Test func booleanThinkSendsNoEffort() throws {
    let api = OpenAIAPI(baseURL: APIBaseURL("h"))
    for think in [ThinkSetting.enabled(true), .enabled(false)] {
      let body = try JSONValue.parse(api.chatRequest(ChatRequest(model: "m", messages: [], think: think)).body)
      #expect(body["reasoning_effort"] == nil)
    }
  }

  @Test func imagesBecomeDataURLs() throws {
    let message = ChatMessage(role: .user, content: "What is this?", images: ["iVBORw0KGgo", "/9j/4AAQ"])
    let json = try JSONValue.parse(
      OpenAIAPI(baseURL: APIBaseURL("h")).chatRequest(ChatRequest(model: "m", messages: [message])).body)
    #expect(
      json["messages"]?.arrayValue?.first?["content"] == [
        ["type": "text", "text": "What is this?"],
        ["type": "image_url", "image_url": ["url": "data:image/png;base64,iVBORw0KGgo"]],
        ["type": "image_url", "image_url": ["url": "data:image/jpeg;base64,/9j/4AAQ"]],
      ])
  }

  @Test func keyGoesInTheHeaderAndNowhereElse() {
    let secret = "sk-test-SECRET-1234"
    let api = OpenAIAPI(baseURL: APIBaseURL("http://h:8080"), apiKey: APIKey(secret))
    let spec = api.chatRequest(ChatRequest(model: "m", messages: [.user("hi")]))
    #expect(spec.headers.contains(HTTPHeader("Authorization", "Bearer \(secret)")))
    #expect(api.modelsRequest().headers == [HTTPHeader("Authorization", "Bearer \(secret)")])
    var dumped = ""
    dump(api, to: &dumped)
    dump(spec, to: &dumped)
    for text in [
      String(describing: api), String(reflecting: api), "\(spec)", String(reflecting: spec), dumped,
      "\(api.apiKey as Any)",
    ] {
      #expect(!text.contains("SECRET"), "\(text)")
    }
    #expect("\(spec)".contains("Authorization: <redacted>"))
  }

  @Test func blankKeyIsNoKey() {
    #expect(APIKey("  ") == nil)
    #expect(APIKey(nil) == nil)
    #expect(OpenAIAPI(baseURL: APIBaseURL("h"), apiKey: APIKey("")).modelsRequest().headers.isEmpty)
  }

  @Test func modelListIsRead() throws {
    let json = try JSONValue.parse(
      #"{"object":"list","data":[{"id":"qwen3:8b","object":"model","created":1,"owned_by":"library"},{"id":""},{"object":"model"},{"id":"gpt-4.1"}]}"#
    )
    #expect(OpenAIAPI.models(fromList: json) == [ModelInfo(name: "qwen3:8b"), ModelInfo(name: "gpt-4.1")])
  }
}
