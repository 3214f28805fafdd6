/// How a saved message ended: the one word a resumed conversation, the sessions list and an
/// export use to say whether an answer is whole.
public enum MessageStatus: String, Sendable, Equatable, CaseIterable {
  /// The model finished normally.
  case complete
  /// The user cancelled it; the text so far is kept.
  case cancelled
  /// The server or the connection failed; the text before the failure is kept.
  case failed
  /// The model stopped at the length limit (`length`, `max_tokens`).
  case cutOff = "cut_off"
  /// Ponder was stopped (a signal, a crash) before the answer ended; the text so far is kept.
  case interrupted
  /// The terminal went away (an SSH drop) and Ponder read the answer to its end without it.
  case detached
  /// Still being written by a running Ponder.
  case streaming

  /// Why generation stopped when the server said it hit a length limit.
  public static let lengthReasons: Set<String> = ["length", "max_tokens", "model_length"]

  /// The status of a response that ended with `event` (`done` or `error`).
  public static func of(_ event: StreamEvent) -> MessageStatus {
    switch event {
    case .done(let stats): return lengthReasons.contains(stats.doneReason ?? "") ? .cutOff : .complete
    case .error(let error): return error.kind == .cancelled ? .cancelled : .failed
    case .reasoning, .answer, .toolCalls: return .streaming
    }
  }

  /// A few words for a person: shown under a resumed answer and in exports.
  public var label: String {
    switch self {
    case .complete: return "complete"
    case .cancelled: return "cancelled"
    case .failed: return "failed"
    case .cutOff: return "cut off by the length limit"
    case .interrupted: return "interrupted"
    case .detached: return "finished while detached"
    case .streaming: return "still streaming"
    }
  }
}
