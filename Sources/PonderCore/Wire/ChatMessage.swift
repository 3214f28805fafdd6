/// One turn of a conversation, in a protocol-neutral shape.
public struct ChatMessage: Sendable, Equatable {
  public enum Role: String, Sendable, Equatable {
    case system, user, assistant, tool
  }

  public var role: Role
  public var content: String
  /// The assistant's reasoning for this turn, when it had any.
  public var thinking: String?
  /// Calls the assistant made in this turn, exactly as received.
  public var toolCalls: [ToolCall]
  /// For `tool` messages: the tool that produced this result.
  public var toolName: String?
  /// For `tool` messages: the id of the call this answers.
  public var toolCallID: String?
  /// Base64 images, without a `data:` prefix.
  public var images: [String]
  /// For `tool` messages: the result reports a failure (Anthropic sends it as `is_error`).
  public var isError: Bool

  public init(
    role: Role, content: String, thinking: String? = nil, toolCalls: [ToolCall] = [], toolName: String? = nil,
    toolCallID: String? = nil, images: [String] = [], isError: Bool = false
  ) {
    self.role = role
    self.content = content
    self.thinking = thinking
    self.toolCalls = toolCalls
    self.toolName = toolName
    self.toolCallID = toolCallID
    self.images = images
    self.isError = isError
  }

  public static func system(_ text: String) -> ChatMessage { ChatMessage(role: .system, content: text) }
  public static func user(_ text: String) -> ChatMessage { ChatMessage(role: .user, content: text) }
  public static func assistant(_ text: String, thinking: String? = nil) -> ChatMessage {
    ChatMessage(role: .assistant, content: text, thinking: thinking)
  }
}
