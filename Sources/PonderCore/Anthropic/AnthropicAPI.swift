/// Builds Anthropic Messages requests and reads the model list (protocols.md §3).
///
/// Serves Anthropic, llama.cpp's and Ollama's `/v1/messages`. Differences from the neutral
/// ``ChatRequest`` are settled here: system messages become the top-level `system`, `max_tokens`
/// is required, thinking is a token budget, tool calls and results are content blocks.
public struct AnthropicAPI: Sendable, CustomStringConvertible {
  public static let version = "2023-06-01"
  /// The smallest thinking budget the API accepts.
  public static let minimumThinkingBudget = 1024

  public var baseURL: APIBaseURL
  public var apiKey: APIKey?
  /// The reply's token limit (`max_tokens` is required by the API).
  public var maxTokens: Int

  public init(baseURL: APIBaseURL, apiKey: APIKey? = nil, maxTokens: Int = 4096) {
    self.baseURL = baseURL
    self.apiKey = apiKey
    self.maxTokens = maxTokens
  }

  public var description: String {
    "AnthropicAPI(\(baseURL), key: \(apiKey == nil ? "none" : "set"), max_tokens: \(maxTokens))"
  }

  /// `POST {base}/v1/messages` with streaming on.
  public func chatRequest(_ request: ChatRequest) -> HTTPRequestSpec {
    .postJSON(baseURL.endpoint("/messages"), chatBody(request), headers: headers)
  }

  /// `GET {base}/v1/models`.
  public func modelsRequest() -> HTTPRequestSpec {
    HTTPRequestSpec(method: .get, url: baseURL.endpoint("/models"), headers: headers)
  }

  private var headers: [HTTPHeader] {
    var headers = [HTTPHeader("anthropic-version", Self.version)]
    if let apiKey { headers.append(HTTPHeader("x-api-key", apiKey.secret)) }
    return headers
  }

  func chatBody(_ request: ChatRequest) -> JSONValue {
    var limit = request.options?["num_predict"]?.intValue.flatMap { $0 > 0 ? $0 : nil } ?? maxTokens
    let budget = request.think.flatMap { Self.thinkingBudget($0, maxTokens: limit) }
    if let budget { limit = Swift.max(limit, budget + 1) }
    var members = [
      JSONMember("model", .string(request.model)),
      JSONMember("max_tokens", .number(Double(limit))),
      JSONMember("stream", true),
    ]
    let system = request.messages.filter { $0.role == .system }.map(\.content).filter { !$0.isEmpty }
    if !system.isEmpty { members.append(JSONMember("system", .string(system.joined(separator: "\n\n")))) }
    members.append(JSONMember("messages", .array(Self.messages(request.messages))))
    if !request.tools.isEmpty { members.append(JSONMember("tools", .array(request.tools.map(Self.tool)))) }
    if let budget {
      members.append(JSONMember("thinking", ["type": "enabled", "budget_tokens": .number(Double(budget))]))
    }
    members += Self.sampling(request.options, thinking: budget != nil)
    return .object(members)
  }

  /// The budget for a think setting: `nil` when off. Levels ask for 1024, 2048 and 8192 tokens,
  /// capped to leave 1024 for the answer; the API needs at least 1024 and less than `max_tokens`
  /// (the caller raises `max_tokens` when it is too small for the minimum).
  static func thinkingBudget(_ think: ThinkSetting, maxTokens: Int) -> Int? {
    let wanted: Int
    switch think {
    case .enabled(false): return nil
    case .enabled(true), .level(.medium): wanted = 2048
    case .level(.low): wanted = 1024
    case .level(.high): wanted = 8192
    }
    return Swift.max(minimumThinkingBudget, Swift.min(wanted, maxTokens - 1024))
  }

  /// Ollama-style `options` mapped to Messages fields. With thinking on the API allows no
  /// `temperature` or `top_k` changes, so those are left out.
  static func sampling(_ options: JSONValue?, thinking: Bool) -> [JSONMember] {
    guard let options else { return [] }
    var members: [JSONMember] = []
    let keys = thinking ? ["top_p"] : ["temperature", "top_p", "top_k"]
    for key in keys {
      if let value = options[key], !value.isNull { members.append(JSONMember(key, value)) }
    }
    if let stop = options["stop"], !stop.isNull {
      members.append(JSONMember("stop_sequences", stop.stringValue.map { .array([.string($0)]) } ?? stop))
    }
    return members
  }

  /// The conversation without system messages; consecutive tool results share one user turn.
  static func messages(_ messages: [ChatMessage]) -> [JSONValue] {
    var out: [JSONValue] = []
    var pendingResults: [JSONValue] = []
    func flushResults() {
      if !pendingResults.isEmpty { out.append(["role": "user", "content": .array(pendingResults)]) }
      pendingResults.removeAll()
    }
    for message in messages {
      switch message.role {
      case .system:
        continue
      case .tool:
        var block: [JSONMember] = [JSONMember("type", "tool_result")]
        if let id = message.toolCallID { block.append(JSONMember("tool_use_id", .string(id))) }
        block.append(JSONMember("content", .string(message.content)))
        if message.isError { block.append(JSONMember("is_error", true)) }
        pendingResults.append(.object(block))
      case .user:
        flushResults()
        out.append(["role": "user", "content": userContent(message)])
      case .assistant:
        flushResults()
        out.append(["role": "assistant", "content": assistantContent(message)])
      }
    }
    flushResults()
    return out
  }

  private static func userContent(_ message: ChatMessage) -> JSONValue {
    guard !message.images.isEmpty else { return .string(message.content) }
    var blocks: [JSONValue] = message.images.map { image in
      let mediaType = JSONValue.string(ImageMediaType.sniff(base64: image))
      return ["type": "image", "source": ["type": "base64", "media_type": mediaType, "data": .string(image)]]
    }
    if !message.content.isEmpty { blocks.append(["type": "text", "text": .string(message.content)]) }
    return .array(blocks)
  }

  /// Text, then `tool_use` blocks with the parsed input. Earlier reasoning is not sent back:
  /// Anthropic would need the block's signature, which the neutral history does not keep.
  private static func assistantContent(_ message: ChatMessage) -> JSONValue {
    guard !message.toolCalls.isEmpty else { return .string(message.content) }
    var blocks: [JSONValue] = []
    if !message.content.isEmpty { blocks.append(["type": "text", "text": .string(message.content)]) }
    for call in message.toolCalls {
      var block: [JSONMember] = [JSONMember("type", "tool_use")]
      if let id = call.id { block.append(JSONMember("id", .string(id))) }
      block.append(JSONMember("name", .string(call.name)))
      block.append(JSONMember("input", call.arguments.objectMembers != nil ? call.arguments : .emptyObject))
      blocks.append(.object(block))
    }
    return .array(blocks)
  }

  static func tool(_ tool: ToolDefinition) -> JSONValue {
    ["name": .string(tool.name), "description": .string(tool.description), "input_schema": tool.parameters]
  }

  /// Reads a `/v1/models` answer: `{"data":[{"id":…,"display_name":…},…]}`.
  public static func models(fromList json: JSONValue) -> [ModelInfo] {
    OpenAIAPI.models(fromList: json)
  }
}
