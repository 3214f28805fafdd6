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

  /// The messages the next request sends after this conversation's system prompt: every one
  /// but answers that failed or stopped before saying anything (the model gains nothing from
  /// an empty turn).
  public var history: [ChatMessage] {
    messages.filter { stored in
      let message = stored.message
      if message.role == .system { return false }
      let empty = message.content.isEmpty && message.toolCalls.isEmpty && (message.thinking ?? "").isEmpty
      return !(message.role == .assistant && empty && stored.status != .complete)
    }.map(\.message)
  }

  /// A title from a first prompt: its first line with text, at most `limit` characters.
  public static func title(from prompt: String, limit: Int = 80) -> String {
    let line = prompt.split(separator: "\n").first { $0.contains { !$0.isWhitespace } } ?? ""
    let trimmed = line.trimmingWhitespace()
    if trimmed.isEmpty { return "(untitled)" }
    return trimmed.count > limit ? String(trimmed.prefix(limit - 1)) + "…" : trimmed
  }
}
