/// A saved conversation as a Markdown document a person reads: a heading with what it was,
/// each prompt and answer in order, reasoning folded in a `<details>` block, tool calls and
/// their results shown, and every answer that did not end normally marked.
public enum MarkdownTranscript {
  public static func render(_ conversation: SavedConversation) -> String {
    let summary = conversation.summary
    var out = "# \(summary.title)\n\n"
    var facts = ["conversation \(summary.id)", CalendarTime.dateTime(summary.createdAt)]
    if !summary.model.isEmpty { facts.append("model `\(summary.model)`") }
    if !summary.host.isEmpty { facts.append("\(summary.api.isEmpty ? "" : summary.api + " at ")\(summary.host)") }
    out += "_" + facts.joined(separator: " · ") + "_\n\n"
    if let system = conversation.settings.system {
      out += "**System prompt**\n\n" + quoted(system) + "\n\n"
    }
    for stored in conversation.messages { out += section(stored) }
    return out
  }

  private static func section(_ stored: StoredMessage) -> String {
    let message = stored.message
    switch message.role {
    case .system:
      return "**System prompt**\n\n" + quoted(message.content) + "\n\n"
    case .user:
      return "## You\n\n" + message.content + "\n\n"
    case .tool:
      let name = message.toolName ?? "tool"
      let label = message.isError ? "Tool error from `\(name)`" : "Result of `\(name)`"
      return "<details>\n<summary>\(label)</summary>\n\n" + fenced(message.content) + "\n</details>\n\n"
    case .assistant:
      var out = "## \(stored.model ?? "Assistant")\n\n"
      if let thinking = message.thinking, !thinking.isEmpty {
        out += "<details>\n<summary>Reasoning</summary>\n\n" + thinking + "\n\n</details>\n\n"
      }
      if !message.content.isEmpty { out += message.content + "\n\n" }
      for call in message.toolCalls {
        out += "Tool call `\(call.name)`:\n\n" + fenced(call.arguments.serialized) + "\n\n"
      }
      if stored.status != .complete {
        let cause = stored.error.map { ": \($0)" } ?? ""
        out += "> ⚠ \(stored.status.label)\(cause)\n\n"
      }
      if let line = statsLine(stored.stats) { out += "_\(line)_\n\n" }
      return out
    }
  }

  static func statsLine(_ stats: MessageStats) -> String? {
    var parts: [String] = []
    if let tokens = stats.completionTokens { parts.append("\(tokens) tokens") }
    if let rate = stats.tokensPerSecond { parts.append(formatOneDecimal(rate) + " tok/s") }
    if let first = stats.timeToFirstTokenMilliseconds { parts.append("first token \(first) ms") }
    if let elapsed = stats.elapsedMilliseconds { parts.append(formatOneDecimal(Double(elapsed) / 1000) + " s") }
    return parts.isEmpty ? nil : parts.joined(separator: " · ")
  }

  private static func quoted(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { "> " + $0 }.joined(separator: "\n")
  }

  /// A fence longer than any run of backticks inside, so the text cannot close it early.
  private static func fenced(_ text: String) -> String {
    var longest = 0
    var run = 0
    for character in text {
      run = character == "`" ? run + 1 : 0
      longest = max(longest, run)
    }
    let fence = String(repeating: "`", count: max(3, longest + 1))
    return fence + "\n" + text + (text.hasSuffix("\n") ? "" : "\n") + fence
  }

  static func formatOneDecimal(_ value: Double) -> String {
    let tenths = Int((value * 10).rounded())
    return "\(tenths / 10).\(abs(tenths % 10))"
  }
}
