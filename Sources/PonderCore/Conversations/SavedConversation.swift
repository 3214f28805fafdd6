/// A whole saved conversation: what it is, how it talks to the model, and every message.
public struct SavedConversation: Sendable, Equatable {
  public var summary: ConversationSummary
  public var settings: ConversationSettings
  public var messages: [StoredMessage]

  public init(summary: ConversationSummary, settings: ConversationSettings, messages: [StoredMessage]) {
    self.summary = summary
    self.settings = settings
    self.messages = messages
  }

  public var id: Int64 { summary.id }

  /// The messages the next request sends after this conversation's system prompt.
  public var history: [ChatMessage] { messages.map(\.message).filter { $0.role != .system } }

  /// A title from a first prompt: its first line with text, at most `limit` characters.
  public static func title(from prompt: String, limit: Int = 80) -> String {
    let line = prompt.split(separator: "\n").first { $0.contains { !$0.isWhitespace } } ?? ""
    let trimmed = line.trimmingWhitespace()
    if trimmed.isEmpty { return "(untitled)" }
    return trimmed.count > limit ? String(trimmed.prefix(limit - 1)) + "…" : trimmed
  }
}
