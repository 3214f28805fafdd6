/// One server API: how to build its requests, list its models and read its streams.
///
/// The CLI and the TUI hold one of these instead of a protocol-specific type, so every feature
/// works the same over Ollama's NDJSON, OpenAI-style SSE and Anthropic's Messages stream.
public struct ChatBackend: Sendable, CustomStringConvertible {
  /// Whether `<think>…</think>` is split out of the answer text.
  public var thinkTags: ThinkTagMode
  private let api: ServerAPI

  public var kind: APIKind { api.kind }

  /// Ollama's request builder, when the server speaks Ollama's protocol.
  private var ollama: OllamaAPI? {
    if case .ollama(let ollama) = api { return ollama }
    return nil
  }

  /// - Parameters:
  ///   - host: the base URL the user gave, written the way each ecosystem writes it (`nil`: the
  ///     API's local default — `OLLAMA_HOST` rules for Ollama, `http://127.0.0.1:8080` otherwise).
  ///   - ollamaHostVariable: the value of `OLLAMA_HOST`, used when `host` is nil.
  public init(
    kind: APIKind, host: String?, ollamaHostVariable: String? = nil, apiKey: APIKey? = nil,
    thinkTags: ThinkTagMode = .auto
  ) {
    self.thinkTags = thinkTags
    switch kind {
    case .ollama: api = .ollama(OllamaAPI(host: OllamaHost(environmentValue: host ?? ollamaHostVariable)))
    case .openai: api = .openAI(OpenAIAPI(baseURL: APIBaseURL(host ?? Self.defaultCompatibleHost), apiKey: apiKey))
    case .anthropic:
      api = .anthropic(AnthropicAPI(baseURL: APIBaseURL(host ?? Self.defaultCompatibleHost), apiKey: apiKey))
    }
  }

  /// llama.cpp's `llama-server` default.
  public static let defaultCompatibleHost = "http://127.0.0.1:8080"

  /// The base URL in use, for the header and messages (never includes a key).
  public var baseURL: String {
    switch api {
    case .ollama(let ollama): return ollama.host.baseURL
    case .openAI(let openAI): return openAI.baseURL.root
    case .anthropic(let anthropic): return anthropic.baseURL.root
    }
  }

  public var description: String { "the \(kind.displayName) server at \(baseURL)" }

  public func chatRequest(_ request: ChatRequest) -> HTTPRequestSpec {
    switch api {
    case .ollama(let ollama): return ollama.chatRequest(request)
    case .openAI(let openAI): return openAI.chatRequest(request)
    case .anthropic(let anthropic): return anthropic.chatRequest(request)
    }
  }

  public func modelsRequest() -> HTTPRequestSpec {
    switch api {
    case .ollama(let ollama): return ollama.tagsRequest()
    case .openAI(let openAI): return openAI.modelsRequest()
    case .anthropic(let anthropic): return anthropic.modelsRequest()
    }
  }

  public func models(from json: JSONValue) -> [ModelInfo] {
    switch kind {
    case .ollama: return OllamaAPI.models(fromTags: json)
    case .openai: return OpenAIAPI.models(fromList: json)
    case .anthropic: return AnthropicAPI.models(fromList: json)
    }
  }

  /// A fresh decoder for one response.
  public func makeDecoder() -> any StreamDecoder {
    switch (kind, thinkTags.splits(kind)) {
    case (.ollama, true): return ThinkTagFilter(OllamaChatDecoder())
    case (.ollama, false): return OllamaChatDecoder()
    case (.openai, true): return ThinkTagFilter(OpenAIChatDecoder())
    case (.openai, false): return OpenAIChatDecoder()
    case (.anthropic, true): return ThinkTagFilter(AnthropicDecoder())
    case (.anthropic, false): return AnthropicDecoder()
    }
  }

  /// The context window `model` runs with, when the server says: Ollama's `num_ctx` parameter
  /// or the model's context length (`/api/show`), llama.cpp's `n_ctx` (`/props`); `nil` otherwise.
  public func contextWindow(for model: String, client: StreamingClient) async -> Int? {
    switch api {
    case .ollama(let ollama):
      guard let show = try? await client.fetchJSON(ollama.showRequest(model: model)) else { return nil }
      return OllamaAPI.contextWindow(fromShow: show)
    case .openAI(let openAI):
      guard let json = try? await client.fetchJSON(openAI.propsRequest()) else { return nil }
      return json["default_generation_settings"]?["n_ctx"]?.intValue ?? json["n_ctx"]?.intValue
    case .anthropic:
      return nil
    }
  }

  /// `POST /api/pull` for `model`; `nil` for servers that cannot pull models (only Ollama can).
  public func pullRequest(model: String) -> HTTPRequestSpec? {
    ollama?.pullRequest(model: model)
  }

  /// What `/api/show` says of `model` (Ollama); `nil` for other servers, which say what their
  /// listing gives, and when the server cannot answer.
  public func modelDetails(for model: String, client: StreamingClient) async -> ModelDetails? {
    guard let ollama, let show = try? await client.fetchJSON(ollama.showRequest(model: model)) else { return nil }
    return OllamaAPI.details(fromShow: show)
  }

  /// Whether `model` takes tools, and why Ponder thinks so (for the Log).
  ///
  /// Ollama says so in `/api/show` (`capabilities` contains `tools`). Other servers cannot be
  /// asked: tools are offered, and a refusal is retried once without them.
  public func toolSupport(for model: String, client: StreamingClient) async -> (supported: Bool, reason: String) {
    guard let ollama else { return (true, "\(kind.displayName) servers cannot say; offering tools") }
    do {
      let capabilities = OllamaAPI.capabilities(fromShow: try await client.fetchJSON(ollama.showRequest(model: model)))
      if capabilities.isEmpty { return (true, "/api/show lists no capabilities; offering tools") }
      return capabilities.contains("tools")
        ? (true, "\(model) supports tools")
        : (false, "\(model) does not support tools (its capabilities: \(capabilities.joined(separator: ", ")))")
    } catch {
      return (true, "/api/show failed (\(error.message)); offering tools")
    }
  }
}
