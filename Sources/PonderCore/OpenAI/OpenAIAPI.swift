/// Builds OpenAI-compatible Chat Completions requests and reads the model list (protocols.md §2).
///
/// One builder for llama.cpp, vLLM, Ollama's `/v1`, OpenRouter and OpenAI: the base URL is
/// accepted with or without `/v1`, and the key, when there is one, goes in `Authorization`.
public struct OpenAIAPI: Sendable, CustomStringConvertible {
  public var baseURL: APIBaseURL
  public var apiKey: APIKey?

  public init(baseURL: APIBaseURL, apiKey: APIKey? = nil) {
    self.baseURL = baseURL
    self.apiKey = apiKey
  }

  public var description: String { "OpenAIAPI(\(baseURL), key: \(apiKey == nil ? "none" : "set"))" }

  /// `POST {base}/v1/chat/completions` with streaming and usage on.
  public func chatRequest(_ request: ChatRequest) -> HTTPRequestSpec {
    .postJSON(baseURL.endpoint("/chat/completions"), Self.chatBody(request), headers: authHeaders)
  }

  /// `GET {base}/v1/models`.
  /// llama.cpp's `GET /props` (its context size among them); other servers answer 404.
  public func propsRequest() -> HTTPRequestSpec {
    HTTPRequestSpec(method: .get, url: baseURL.root + "/props", headers: authHeaders)
  }

  public func modelsRequest() -> HTTPRequestSpec {
    HTTPRequestSpec(method: .get, url: baseURL.endpoint("/models"), headers: authHeaders)
  }

  private var authHeaders: [HTTPHeader] {
    apiKey.map { [HTTPHeader("Authorization", "Bearer \($0.secret)")] } ?? []
  }

  static func chatBody(_ request: ChatRequest) -> JSONValue {
    var members = [
      JSONMember("model", .string(request.model)),
      JSONMember("stream", true),
      JSONMember("stream_options", ["include_usage": true]),
      JSONMember("messages", .array(request.messages.map(Self.message))),
    ]
    if !request.tools.isEmpty { members.append(JSONMember("tools", .array(request.tools.map(OllamaAPI.tool)))) }
    if case .level(let level)? = request.think {
      members.append(JSONMember("reasoning_effort", .string(level.rawValue)))
    }
    members += Self.sampling(request.options)
    return .object(members)
  }

  /// Ollama-style `options` mapped to Chat Completions fields; others have no equivalent here.
  static func sampling(_ options: JSONValue?) -> [JSONMember] {
    guard let options else { return [] }
    var members: [JSONMember] = []
    for key in ["temperature", "top_p", "seed", "stop"] {
      if let value = options[key], !value.isNull { members.append(JSONMember(key, value)) }
    }
    if let limit = options["num_predict"]?.intValue, limit > 0 {
      members.append(JSONMember("max_tokens", .number(Double(limit))))
    }
    return members
  }

  /// History in Chat Completions form: tool-call `arguments` as a JSON string, tool results by
  /// `tool_call_id`, images as `data:` URLs. Reasoning is not sent back (templates drop it).
  static func message(_ message: ChatMessage) -> JSONValue {
    var members = [JSONMember("role", .string(message.role.rawValue))]
    if message.role == .assistant, !message.toolCalls.isEmpty {
      members.append(JSONMember("content", message.content.isEmpty ? .null : .string(message.content)))
      members.append(JSONMember("tool_calls", .array(message.toolCalls.map(Self.toolCall))))
    } else if message.role == .user, !message.images.isEmpty {
      var parts: [JSONValue] = []
      if !message.content.isEmpty { parts.append(["type": "text", "text": .string(message.content)]) }
      for image in message.images {
        let url = "data:\(ImageMediaType.sniff(base64: image));base64,\(image)"
        parts.append(["type": "image_url", "image_url": ["url": .string(url)]])
      }
      members.append(JSONMember("content", .array(parts)))
    } else {
      members.append(JSONMember("content", .string(message.content)))
    }
    if message.role == .tool, let id = message.toolCallID {
      members.append(JSONMember("tool_call_id", .string(id)))
    }
    return .object(members)
  }

  static func toolCall(_ call: ToolCall) -> JSONValue {
    var members: [JSONMember] = []
    if let id = call.id { members.append(JSONMember("id", .string(id))) }
    members.append(JSONMember("type", "function"))
    // Arguments that failed to parse are kept as their raw text; send that back unchanged.
    let arguments = call.arguments.stringValue ?? call.arguments.serialized
    members.append(JSONMember("function", ["name": .string(call.name), "arguments": .string(arguments)]))
    return .object(members)
  }

  /// Reads a `/v1/models` answer: `{"object":"list","data":[{"id":…},…]}`.
  public static func models(fromList json: JSONValue) -> [ModelInfo] {
    (json["data"]?.arrayValue ?? []).compactMap { entry in
      entry["id"]?.nonEmptyString.map { ModelInfo(name: $0) }
    }
  }
}
