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

  /// The messages the next request sends after this conversation's system prompt: every
  /// exchange but those whose answer failed, was cancelled or was interrupted — they stay on
  /// screen, as in the chat, and are not sent back.
  public var history: [ChatMessage] {
    var kept: [ChatMessage] = []
    var exchange: [StoredMessage] = []
    func close() {
      let ending = exchange.last { $0.message.role == .assistant }?.status ?? .complete
      if ![.failed, .cancelled, .interrupted].contains(ending) { kept += exchange.map(\.message) }
      exchange = []
    }
    for stored in messages where stored.message.role != .system {
      if stored.message.role == .user { close() }
      exchange.append(stored)
    }
    close()
    return kept
  }

  /// A title from a first prompt: its first line with text, at most `limit` characters.
  public static func title(from prompt: String, limit: Int = 80) -> String {
    let line = prompt.split(separator: "\n").first { $0.contains { !$0.isWhitespace } } ?? ""
    let trimmed = line.trimmingWhitespace()
    if trimmed.isEmpty { return "(untitled)" }
    return trimmed.count > limit ? String(trimmed.prefix(limit - 1)) + "…" : trimmed
  }
}
