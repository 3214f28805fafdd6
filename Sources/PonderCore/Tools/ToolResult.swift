/// The outcome of one tool call, as the model and the Log see it.
///
/// `content` is the text sent back to the model, whatever happened: the tool's output, its error,
/// or why it did not run (denied, cancelled, step limit). A call always gets a result, so the
/// history stays valid for every protocol (each call must be answered).
public struct ToolResult: Sendable, Equatable {
  public enum Status: String, Sendable, Equatable {
    /// The tool ran and succeeded.
    case ok
    /// The tool ran (or was asked to) and failed: bad arguments, a refused path, a non-zero exit.
    case failed
    /// The user or the approval policy did not allow it.
    case denied
    /// It was running when the user cancelled; `content` holds what it produced until then.
    case cancelled
    /// It never started (the turn was cancelled or hit its step limit first).
    case notRun
  }

  public var call: ToolCall
  public var content: String
  public var status: Status
  /// Wall time of the run, when it ran.
  public var duration: Duration?

  public init(call: ToolCall, content: String, status: Status, duration: Duration? = nil) {
    self.call = call
    self.content = content
    self.status = status
    self.duration = duration
  }

  /// Whether the model should treat the result as an error (Anthropic's `is_error`).
  public var isError: Bool { status != .ok }

  /// The UTF-8 size of the text sent to the model.
  public var byteCount: Int { content.utf8.count }

  /// The neutral `tool` message each API builder serialises in its protocol's form.
  public var message: ChatMessage {
    ChatMessage(
      role: .tool, content: content, toolName: call.name, toolCallID: call.id, isError: isError)
  }
}
