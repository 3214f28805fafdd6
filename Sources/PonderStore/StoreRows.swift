import GRDB
import PonderCore

/// How conversations and messages map to rows: the column lists, the arguments, and the
/// readers that turn rows back into values. Shared by every ``ConversationStore`` method.
enum StoreRows {
  static let messageColumns = """
    role, content, reasoning, tool_calls, tool_name, tool_call_id, is_error, images, status, error, model,
    done_reason, prompt_tokens, completion_tokens, tokens_per_second, first_token_ms, elapsed_ms
    """

  static func messageArguments(_ stored: StoredMessage) -> StatementArguments {
    let message = stored.message
    let stats = stored.stats
    let images: String? =
      message.images.isEmpty ? nil : JSONValue.array(message.images.map(JSONValue.string)).serialized
    return [
      message.role.rawValue, message.content, message.thinking, ToolCall.storedText(message.toolCalls),
      message.toolName,
      message.toolCallID, message.isError, images, stored.status.rawValue, stored.error, stored.model,
      stats.doneReason, stats.promptTokens, stats.completionTokens, stats.tokensPerSecond,
      stats.timeToFirstTokenMilliseconds, stats.elapsedMilliseconds,
    ]
  }

  static func insert(_ stored: StoredMessage, into conversation: Int64, _ db: Database) throws -> Int64 {
    var arguments: StatementArguments = [
      conversation, stored.createdAt == 0 ? ConversationStore.now() : stored.createdAt,
    ]
    arguments += messageArguments(stored)
    try db.execute(
      sql: """
        INSERT INTO message (conversation_id, created_at, \(messageColumns))
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """, arguments: arguments)
    return db.lastInsertedRowID
  }

  static func update(_ message: Int64, to stored: StoredMessage, _ db: Database) throws {
    let assignments = messageColumns.split(separator: ",").map {
      "\($0.trimmingCharacters(in: .whitespacesAndNewlines)) = ?"
    }
    var arguments = messageArguments(stored)
    arguments += [message]
    try db.execute(
      sql: "UPDATE message SET \(assignments.joined(separator: ", ")), writer_pid = NULL WHERE id = ?",
      arguments: arguments)
  }

  static func touch(_ conversation: Int64, _ db: Database) throws {
    try db.execute(
      sql: "UPDATE conversation SET updated_at = ? WHERE id = ?", arguments: [ConversationStore.now(), conversation])
  }

  static let summarySQL = """
    SELECT c.*, (SELECT COUNT(*) FROM message m WHERE m.conversation_id = c.id) AS message_count
    FROM conversation c
    """

  static func summary(_ row: Row, snippet: String?) -> ConversationSummary {
    ConversationSummary(
      id: row["id"], title: row["title"], model: row["model"], host: row["host"], api: row["api"],
      createdAt: row["created_at"], updatedAt: row["updated_at"], messageCount: row["message_count"], snippet: snippet)
  }

  static func message(_ row: Row) -> StoredMessage {
    let images = (row["images"] as String?).flatMap { try? JSONValue.parse($0) }?.arrayValue?.compactMap(\.stringValue)
    let message = ChatMessage(
      role: ChatMessage.Role(rawValue: row["role"]) ?? .assistant, content: row["content"], thinking: row["reasoning"],
      toolCalls: ToolCall.calls(fromStoredText: row["tool_calls"]), toolName: row["tool_name"],
      toolCallID: row["tool_call_id"], images: images ?? [], isError: row["is_error"])
    let stats = MessageStats(
      doneReason: row["done_reason"], promptTokens: row["prompt_tokens"], completionTokens: row["completion_tokens"],
      tokensPerSecond: row["tokens_per_second"], timeToFirstTokenMilliseconds: row["first_token_ms"],
      elapsedMilliseconds: row["elapsed_ms"])
    return StoredMessage(
      id: row["id"], message: message, status: MessageStatus(rawValue: row["status"]) ?? .complete, stats: stats,
      error: row["error"], model: row["model"], createdAt: row["created_at"])
  }

  static func escapeLike(_ text: String) -> String {
    var out = ""
    for character in text {
      if character == "%" || character == "_" || character == "\\" { out.append("\\") }
      out.append(character)
    }
    return out
  }
}
