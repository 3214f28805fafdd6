/// One-line descriptions of tool work, shared by the TUI's Log and `ponder ask`'s stderr, so both
/// say the same thing: the call with its arguments, who allowed it, and how it ended.
public enum ToolEventText {
  /// The line for `event`, or `nil` for events that are not shown as tool work (text, response
  /// and turn ends).
  public static func line(for event: ToolTurnEvent) -> String? {
    switch event {
    // The whole call: what runs must be readable in full in the Log and on stderr.
    case .toolCall(let call): return "\(call.name) \(arguments(call, limit: 4000))"
    case .approval(let call, let note): return "\(call.name) \(approval(note))"
    case .toolStarted(let call): return "\(call.name) running"
    case .toolFinished(let result): return finished(result)
    case .notice(let text): return text
    case .stream, .responseDone, .turnEnded: return nil
    }
  }

  /// The call's arguments as compact JSON, cut to `limit` characters.
  public static func arguments(_ call: ToolCall, limit: Int = 100) -> String {
    if let error = call.argumentsError { return "(unreadable arguments: \(error))" }
    return cut(call.arguments.serialized, to: limit)
  }

  static func approval(_ note: ApprovalNote) -> String {
    switch note {
    case .allowedByPolicy(let reason): return "allowed: \(reason)"
    case .deniedByPolicy(let reason): return "denied: \(reason)"
    case .decidedByUser(.allowOnce): return "allowed once by you"
    case .decidedByUser(.allowForSession): return "allowed by you for this session"
    case .decidedByUser(.alwaysAllow): return "always allowed by you (saved in the config file)"
    case .decidedByUser(.deny): return "denied by you; the model is told"
    }
  }

  static func finished(_ result: ToolResult) -> String {
    var parts = ["\(result.call.name) \(statusWord(result.status))", ByteSize.text(result.byteCount)]
    if let duration = result.duration { parts.append(milliseconds(duration)) }
    var line = parts.joined(separator: " · ")
    if result.status != .ok, let first = result.content.split(separator: "\n").first {
      line += ": " + cut(String(first), to: 90)
    }
    return line
  }

  static func statusWord(_ status: ToolResult.Status) -> String {
    switch status {
    case .ok: return "ok"
    case .failed: return "failed"
    case .denied: return "denied"
    case .cancelled: return "cancelled"
    case .notRun: return "not run"
    }
  }

  static func milliseconds(_ duration: Duration) -> String {
    let total = duration.milliseconds
    return total < 10_000 ? "\(total) ms" : "\(total / 1000) s"
  }

  static func cut(_ text: String, to limit: Int) -> String {
    let flat = text.replacing("\n", with: " ")
    return flat.count <= limit ? flat : String(flat.prefix(limit - 1)) + "…"
  }
}
