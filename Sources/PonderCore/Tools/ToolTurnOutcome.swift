/// How a tool-using turn ended and what it added to the conversation.
///
/// `messages` are the turn's new history entries after the user's message: each assistant
/// message that called tools, one `tool` result per call (including calls that were denied,
/// cancelled or never run), and the final answer when there was one. Appending them keeps the
/// history valid for every protocol, even after a cancel.
public struct ToolTurnOutcome: Sendable, Equatable {
  public enum Ending: Sendable, Equatable {
    /// The model answered without asking for more tools.
    case answered(GenerationStats)
    /// The model kept asking for tools after this many tool rounds; its last calls were not run.
    case stepLimit(Int)
    /// The user cancelled; what ran is recorded in `messages`.
    case cancelled
    /// A response failed; text that arrived before the failure is in `messages`.
    case failed(ChatError)
  }

  public var messages: [ChatMessage]
  public var ending: Ending
  /// Tool rounds completed (follow-up requests sent).
  public var steps: Int
  /// One line for the Log when the ending needs explaining (the step limit).
  public var note: String?
  /// The server refused tools and the turn went on without them: don't offer them to this model
  /// again this session (it would cost a failed request every turn).
  public var toolsRefused: Bool

  public init(messages: [ChatMessage], ending: Ending, steps: Int, note: String? = nil, toolsRefused: Bool = false) {
    self.messages = messages
    self.ending = ending
    self.steps = steps
    self.note = note
    self.toolsRefused = toolsRefused
  }
}

extension ToolTurnOutcome.Ending {
  /// The ending as the event a plain response would have ended with.
  public var terminalEvent: StreamEvent {
    switch self {
    case .answered(let stats): return .done(stats)
    case .stepLimit(let limit):
      var stats = GenerationStats()
      stats.doneReason = "tool step limit \(limit)"
      return .done(stats)
    case .cancelled: return .error(ChatError(.cancelled, "cancelled"))
    case .failed(let error): return .error(error)
    }
  }
}
