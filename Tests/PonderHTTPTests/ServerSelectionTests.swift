import Foundation
import PonderCLI
import PonderCore
import PonderHTTP
import PonderTestSupport
import Testing

@Suite struct ServerSelectionTests {
  @Test func autoFindsOllama() async throws {
    let server = try ScriptedHTTPServer(handler: ScriptedOllama().handle)
    defer { server.stop() }
    let transport = AsyncHTTPTransport()
    let result = await ServerSelection(api: nil, host: server.baseURL).resolve(
      client: StreamingClient(transport: transport))
    await transport.shutdown()
    let resolved = try result.get()
    #expect(resolved.backend.kind == .ollama)
    #expect(resolved.note?.contains("Ollama 0.12.6") == true)
  }

  @Test func autoFindsAnOpenAICompatibleServerLikeLlamaCpp() async throws {
    // llama.cpp answers 404 to /api/version and lists models at /v1/models.
    let server = try ScriptedHTTPServer { request in
      request.path == "/v1/models"
        ? .json(#"{"object":"list","data":[{"id":"smollm2-135m","object":"model"}]}"#)
        : .json(status: 404, #"{"error":{"message":"File Not Found","type":"not_found_error","code":404}}"#)
    }
    defer { server.stop() }
    let transport = AsyncHTTPTransport()
    let result = await ServerSelection(api: nil, host: server.baseURL + "/v1/").resolve(
      client: StreamingClient(transport: transport))
    await transport.shutdown()
    let resolved = try result.get()
    #expect(resolved.backend.kind == .openai)
    #expect(resolved.backend.baseURL == server.baseURL)
    #expect(resolved.note?.contains("OpenAI-compatible") == true)
    #expect(server.recordedRequests.map(\.path) == ["/v1/api/version", "/v1/models"])
  }

  @Test func autoWithNothingListeningCannotConnect() async throws {
    let refusing = RefusingPort()
    defer { refusing.close() }
    let url = refusing.baseURL
    let transport = AsyncHTTPTransport()
    let result = await ServerSelection(api: nil, host: url).resolve(client: StreamingClient(transport: transport))
    await transport.shutdown()
    guard case .failure(let error) = result else {
      Issue.record("expected a failure")
      return
    }
    #expect(error.kind == .cannotConnect)
  }

  @Test func keysComeFromTheNamedVariableAndNeverShow() throws {
    let selection = ServerSelection(
      api: .openai, host: "http://h:8080/v1", apiKeyVariable: "MY_KEY", environment: ["MY_KEY": "sk-secret-123"])
    let spec = selection.backend(.openai).chatRequest(ChatRequest(model: "m", messages: [.user("x")]))
    #expect(spec.url == "http://h:8080/v1/chat/completions")
    #expect(spec.headers.contains(HTTPHeader("Authorization", "Bearer sk-secret-123")))
    #expect(!String(describing: spec).contains("sk-secret"))
    #expect(!String(describing: selection.backend(.openai)).contains("sk-secret"))
  }

  @Test func anUnsetKeyVariableIsOneWarningNamingIt() {
    let unset = ServerSelection(api: .openai, host: nil, apiKeyVariable: "MY_KEY", environment: [:])
    #expect(unset.apiKeyWarning == "MY_KEY (named by --api-key-env) is not set: requests are sent without an API key")
    let empty = ServerSelection(
      api: .openai, host: nil, apiKeyVariable: "MY_KEY", environment: ["MY_KEY": ""], apiKeySource: "api_key_env")
    #expect(empty.apiKeyWarning?.hasPrefix("MY_KEY (named by api_key_env) is not set") == true)
    let set = ServerSelection(api: .openai, host: nil, apiKeyVariable: "MY_KEY", environment: ["MY_KEY": "k"])
    #expect(set.apiKeyWarning == nil)
    #expect(ServerSelection(api: .openai, host: nil).apiKeyWarning == nil, "none named: the usual ones are optional")
  }

  @Test func askStreamsOverOpenAIStyleSSE() async throws {
    let sse = [
      #"data: {"choices":[{"index":0,"delta":{"role":"assistant","content":null}}]}"#,
      #"data: {"choices":[{"index":0,"delta":{"reasoning_content":"Let me think."}}]}"#,
      #"data: {"choices":[{"index":0,"delta":{"content":"Hello, "}}]}"#,
      #"data: {"choices":[{"index":0,"delta":{"content":"world!"}}]}"#,
      #"data: {"choices":[{"index":0,"delta":{},"finish_reason":"stop"}],"usage":{"prompt_tokens":5,"completion_tokens":3}}"#,
      "data: [DONE]",
    ].map { $0 + "\n\n" }
    let server = try ScriptedHTTPServer { _ in .sse(sse) }
    defer { server.stop() }
    let transport = AsyncHTTPTransport()
    let out = CapturingSink()
    let err = CapturingSink()
    let status = await AskRunner(
      transport: transport,
      settings: .init(server: ServerSelection(api: .openai, host: server.baseURL), model: "m", color: false)
    ).run(prompt: "hi", out: out, err: err)
    await transport.shutdown()
    #expect(status == .done)
    #expect(out.text == "Hello, world!")
    #expect(err.text.hasPrefix("Let me think.\n"))
    #expect(err.text.contains("3 tokens"))
  }
}
