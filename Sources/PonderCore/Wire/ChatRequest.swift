/// Everything needed to ask a model for one response, independent of the protocol that carries it.
public struct ChatRequest: Sendable, Equatable {
  public var model: String
  public var messages: [ChatMessage]
  /// `nil` leaves the server's default (thinking models think).
  public var think: ThinkSetting?
  /// Model parameters (`temperature`, `num_ctx`, …) as a JSON object.
  public var options: JSONValue?
  /// How long the server keeps the model loaded: a Go duration (`"10m"`) or seconds.
  public var keepAlive: JSONValue?
  public var tools: [ToolDefinition]

  public init(
    model: String, messages: [ChatMessage], think: ThinkSetting? = nil, options: JSONValue? = nil,
    keepAlive: JSONValue? = nil, tools: [ToolDefinition] = []
  ) {
    self.model = model
    self.messages = messages
    self.think = think
    self.options = options
    self.keepAlive = keepAlive
    self.tools = tools
  }
}
