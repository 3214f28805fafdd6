import PonderCore
import Testing

@Suite struct OllamaAPITests {
  let api = OllamaAPI(host: OllamaHost(environmentValue: "box:1234"))

  @Test func chatRequestCarriesEveryField() throws {
    let request = ChatRequest(
      model: "qwen3:8b",
      messages: [
        .system("Be brief."), .user("Hi"),
        ChatMessage(
          role: .assistant, content: "", thinking: "t",
          toolCalls: [ToolCall(id: "call_1", name: "get_weather", arguments: ["city": "Oslo"])]),
        ChatMessage(role: .tool, content: "7°C", toolName: "get_weather"),
      ],
      think: .level(.high), options: ["temperature": 0.7, "num_ctx": 8192], keepAlive: "10m")
    let spec = api.chatRequest(request)
    #expect(spec.url == "http://box:1234/api/chat")
    #expect(spec.method == .post)
    #expect(spec.headers.contains(HTTPHeader("Content-Type", "application/json")))
    let body = try JSONValue.parse(spec.body)
    #expect(body["model"] == "qwen3:8b")
    #expect(body["stream"] == true)
    #expect(body["think"] == "high")
    #expect(body["keep_alive"] == "10m")
    #expect(body["options"]?["num_ctx"]?.intValue == 8192)
    let messages = try #require(body["messages"]?.arrayValue)
    #expect(messages.count == 4)
    #expect(messages[1] == ["role": "user", "content": "Hi"])
    #expect(
      messages[2]["tool_calls"] == [
        ["id": "call_1", "function": ["name": "get_weather", "arguments": ["city": "Oslo"]]]
      ])
    #expect(messages[3] == ["role": "tool", "content": "7°C", "tool_name": "get_weather"])
  }

  @Test func thinkBooleanAndOmission() throws {
    var request = ChatRequest(model: "m", messages: [.user("x")], think: .enabled(false))
    #expect(try JSONValue.parse(api.chatRequest(request).body)["think"] == false)
    request.think = nil
    #expect(try JSONValue.parse(api.chatRequest(request).body)["think"] == nil)
  }

  @Test func tagsListingIsRead() throws {
    let json = try JSONValue.parse(
      #"{"models":[{"name":"llama3.2:latest","model":"llama3.2:latest","size":2019393189,"details":{"parameter_size":"3.2B","quantization_level":"Q4_K_M"}},{"model":"bare"}]}"#
    )
    let models = OllamaAPI.models(fromTags: json)
    #expect(
      models == [
        ModelInfo(name: "llama3.2:latest", sizeBytes: 2_019_393_189, parameterSize: "3.2B", quantization: "Q4_K_M"),
        ModelInfo(name: "bare"),
      ])
  }

  @Test func aSizeOutOfRangeReadsAsUnknownInsteadOfCrashing() throws {
    let json = try JSONValue.parse(#"{"models":[{"name":"huge","size":1e300},{"name":"endless","size":1e999}]}"#)
    #expect(OllamaAPI.models(fromTags: json) == [ModelInfo(name: "huge"), ModelInfo(name: "endless")])
  }
}
