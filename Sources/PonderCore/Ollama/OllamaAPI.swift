/// Builds Ollama native API requests and reads its non-streaming answers (protocols.md §1).
public struct OllamaAPI: Sendable {
  public var host: OllamaHost

  public init(host: OllamaHost) {
    self.host = host
  }

  /// `POST /api/chat` with streaming on.
  public func chatRequest(_ request: ChatRequest) -> HTTPRequestSpec {
    .postJSON(host.baseURL + "/api/chat", Self.chatBody(request))
  }

  /// `GET /api/tags`: the installed models.
  public func tagsRequest() -> HTTPRequestSpec { HTTPRequestSpec(method: .get, url: host.baseURL + "/api/tags") }

  /// `GET /api/version`: cheap liveness and identity check.
  public func versionRequest() -> HTTPRequestSpec {
    HTTPRequestSpec(method: .get, url: host.baseURL + "/api/version")
  }

  /// `POST /api/show` for one model's details and capabilities.
  public func showRequest(model: String) -> HTTPRequestSpec {
    .postJSON(host.baseURL + "/api/show", ["model": .string(model)])
  }

  /// `POST /api/pull` with streamed progress (protocols.md §1.7).
  public func pullRequest(model: String) -> HTTPRequestSpec {
    .postJSON(host.baseURL + "/api/pull", ["model": .string(model), "stream": true])
  }

  static func chatBody(_ request: ChatRequest) -> JSONValue {
    var members = [
      JSONMember("model", .string(request.model)),
      JSONMember("stream", true),
      JSONMember("messages", .array(request.messages.map(Self.message))),
    ]
    if let think = request.think { members.append(JSONMember("think", think.ollamaValue)) }
    if let options = request.options { members.append(JSONMember("options", options)) }
    if let keepAlive = request.keepAlive { members.append(JSONMember("keep_alive", keepAlive)) }
    if !request.tools.isEmpty { members.append(JSONMember("tools", .array(request.tools.map(Self.tool)))) }
    return .object(members)
  }

  static func message(_ message: ChatMessage) -> JSONValue {
    var members = [JSONMember("role", .string(message.role.rawValue)), JSONMember("content", .string(message.content))]
    if let thinking = message.thinking, !thinking.isEmpty { members.append(JSONMember("thinking", .string(thinking))) }
    if !message.images.isEmpty { members.append(JSONMember("images", .array(message.images.map { .string($0) }))) }
    if !message.toolCalls.isEmpty {
      let calls: [JSONValue] = message.toolCalls.map { call in
        var callMembers: [JSONMember] = []
        if let id = call.id { callMembers.append(JSONMember("id", .string(id))) }
        callMembers.append(
          JSONMember("function", ["name": .string(call.name), "arguments": call.arguments]))
        return .object(callMembers)
      }
      members.append(JSONMember("tool_calls", .array(calls)))
    }
    if let toolName = message.toolName { members.append(JSONMember("tool_name", .string(toolName))) }
    if let toolCallID = message.toolCallID { members.append(JSONMember("tool_call_id", .string(toolCallID))) }
    return .object(members)
  }

  static func tool(_ tool: ToolDefinition) -> JSONValue {
    [
      "type": "function",
      "function": [
        "name": .string(tool.name), "description": .string(tool.description), "parameters": tool.parameters,
      ],
    ]
  }

  /// Reads the `/api/tags` answer.
  public static func models(fromTags json: JSONValue) -> [ModelInfo] {
    (json["models"]?.arrayValue ?? []).compactMap { entry in
      guard let name = entry["name"]?.nonEmptyString ?? entry["model"]?.nonEmptyString else { return nil }
      let details = entry["details"]
      return ModelInfo(
        name: name,
        sizeBytes: entry["size"]?.intValue.map(Int64.init),
        parameterSize: details?["parameter_size"]?.nonEmptyString,
        quantization: details?["quantization_level"]?.nonEmptyString,
        capabilities: (entry["capabilities"]?.arrayValue ?? []).compactMap(\.nonEmptyString))
    }
  }

  /// The window a model runs with: `num_ctx` among its Modelfile parameters, else its
  /// architecture's context length.
  public static func contextWindow(fromShow json: JSONValue) -> Int? {
    for line in (json["parameters"]?.stringValue ?? "").split(separator: "\n") {
      let words = line.split(separator: " ", omittingEmptySubsequences: true)
      if words.count >= 2, words[0] == "num_ctx", let value = Int(words[1]), value > 0 { return value }
    }
    return contextLength(fromShow: json)
  }

  /// The architecture's `context_length` from `model_info` (the most the model can take).
  public static func contextLength(fromShow json: JSONValue) -> Int? {
    for member in json["model_info"]?.objectMembers ?? [] where member.key.hasSuffix(".context_length") {
      if let value = member.value.intValue, value > 0 { return value }
    }
    return nil
  }

  /// The capabilities and context length an `/api/show` answer gives for the model picker.
  public static func details(fromShow json: JSONValue) -> ModelDetails {
    ModelDetails(capabilities: capabilities(fromShow: json), contextLength: contextLength(fromShow: json))
  }

  /// Reads the `capabilities` list from an `/api/show` answer.
  public static func capabilities(fromShow json: JSONValue) -> [String] {
    (json["capabilities"]?.arrayValue ?? []).compactMap(\.nonEmptyString)
  }
}
