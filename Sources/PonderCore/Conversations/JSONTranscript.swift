/// A saved conversation as JSON for programs: every message with its reasoning, tool calls,
/// status and statistics, in the order they were said.
public enum JSONTranscript {
  public static func value(_ conversation: SavedConversation) -> JSONValue {
    let summary = conversation.summary
    var members: [JSONMember] = [
      JSONMember("id", .number(Double(summary.id))),
      JSONMember("title", .string(summary.title)),
      JSONMember("created_at", .number(Double(summary.createdAt))),
      JSONMember("updated_at", .number(Double(summary.updatedAt))),
      JSONMember("host", .string(summary.host)),
      JSONMember("api", .string(summary.api)),
      JSONMember("model", .string(summary.model)),
    ]
    let settings = conversation.settings
    members.append(JSONMember("system", settings.system.map(JSONValue.string) ?? .null))
    members.append(JSONMember("think", settings.think.map { .string($0.storedValue) } ?? .null))
    members.append(JSONMember("options", settings.options ?? .null))
    members.append(JSONMember("messages", .array(conversation.messages.map(message))))
    return .object(members)
  }

  public static func render(_ conversation: SavedConversation) -> String { value(conversation).serialized + "\n" }

  static func message(_ stored: StoredMessage) -> JSONValue {
    let message = stored.message
    var members: [JSONMember] = [
      JSONMember("role", .string(message.role.rawValue)),
      JSONMember("content", .string(message.content)),
    ]
    if let thinking = message.thinking { members.append(JSONMember("reasoning", .string(thinking))) }
    if !message.toolCalls.isEmpty {
      members.append(JSONMember("tool_calls", .array(message.toolCalls.map(\.storedJSON))))
    }
    if let name = message.toolName { members.append(JSONMember("tool_name", .string(name))) }
    if let id = message.toolCallID { members.append(JSONMember("tool_call_id", .string(id))) }
    if message.isError { members.append(JSONMember("is_error", .bool(true))) }
    if !message.images.isEmpty { members.append(JSONMember("images", .number(Double(message.images.count)))) }
    members.append(JSONMember("status", .string(stored.status.rawValue)))
    if let error = stored.error { members.append(JSONMember("error", .string(error))) }
    if let model = stored.model { members.append(JSONMember("model", .string(model))) }
    members.append(JSONMember("created_at", .number(Double(stored.createdAt))))
    if !stored.stats.isEmpty { members.append(JSONMember("stats", stats(stored.stats))) }
    return .object(members)
  }

  static func stats(_ stats: MessageStats) -> JSONValue {
    var members: [JSONMember] = []
    if let reason = stats.doneReason { members.append(JSONMember("done_reason", .string(reason))) }
    if let count = stats.promptTokens { members.append(JSONMember("prompt_tokens", .number(Double(count)))) }
    if let count = stats.completionTokens { members.append(JSONMember("completion_tokens", .number(Double(count)))) }
    if let rate = stats.tokensPerSecond { members.append(JSONMember("tokens_per_second", .number(rate))) }
    if let first = stats.timeToFirstTokenMilliseconds {
      members.append(JSONMember("first_token_ms", .number(Double(first))))
    }
    if let elapsed = stats.elapsedMilliseconds { members.append(JSONMember("elapsed_ms", .number(Double(elapsed)))) }
    return .object(members)
  }
}
