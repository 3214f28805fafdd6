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
      #"{"object":"list","data":[{"id":"qwen3:8b","object":"model","created":1,"owned_by":"library"},{"id":""},{"object":"model"},{"id":"gpt-4.1"}]}"#)
    #expect(OpenAIAPI.models(fromList: json) == [ModelInfo(name: "qwen3:8b"), ModelInfo(name: "gpt-4.1")])
  }
}

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

/// §6.24 and §6.32 are HTTP-status cases; the body part goes through `ErrorBody`.
@Suite struct SSEErrorBodyTests {
  @Test(arguments: [
    (#"{"object":"error","message":"max_tokens is too large","type":"BadRequestError","param":null,"code":400}"#,
     "max_tokens is too large"),
    ("<html><head><title>502 Bad Gateway</title></head>\r\n<body>nginx</body></html>",
     "502 Bad Gateway"),
    (#"{"error":{"code":503,"message":"Loading model","type":"unavailable_error"}}"#, "Loading model"),
    (#"{"error":{"message":"Invalid API Key","type":"authentication_error","code":401}}"#, "Invalid API Key"),
    (#"{"error":{"message":"model 'x' not found","type":"not_found_error","param":null,"code":null}}"#,
     "model 'x' not found"),
    (#"{"error":{"message":"The model `gpt-9` does not exist","type":"invalid_request_error","code":"model_not_found"}}"#,
     "The model `gpt-9` does not exist"),
    (#"{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"},"request_id":"req_1"}"#, "Overloaded"),
  ])
  func preStreamBodies(body: String, expected: String) {
    #expect(ErrorBody.message(from: Array(body.utf8)) == expected)
  }
}
