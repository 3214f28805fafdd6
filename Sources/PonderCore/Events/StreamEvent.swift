/// What a model server said, in the closed vocabulary every later stage understands.
///
/// Decoders turn protocol bytes into these; the ``ResponseBuffer`` coalesces them; the CLI and the
/// screen consume them. `done` and `error` end a response; nothing follows them.
public enum StreamEvent: Sendable, Equatable {
  /// A fragment of the model's reasoning ("thinking").
  case reasoning(String)
  /// A fragment of the answer.
  case answer(String)
  /// Complete tool calls the model asked for.
  case toolCalls([ToolCall])
  /// The response ended normally, with the server's own statistics.
  case done(GenerationStats)
  /// The response failed; the text already delivered stays valid.
  case error(ChatError)

  /// Whether the event closes a turn or must reach the consumer without waiting (a tool call).
  public var isBoundary: Bool {
    switch self {
    case .reasoning, .answer: return false
    case .toolCalls, .done, .error: return true
    }
  }

  /// Whether the event ends the response.
  public var isTerminal: Bool {
    switch self {
    case .done, .error: return true
    case .reasoning, .answer, .toolCalls: return false
    }
  }

  /// The UTF-8 size of the text the event carries, used for the buffer's memory cap.
  public var textByteCount: Int {
    switch self {
    case .reasoning(let text), .answer(let text): return text.utf8.count
    case .toolCalls(let calls): return calls.reduce(0) { $0 + $1.name.utf8.count + 64 }
    case .done, .error: return 0
    }
  }
}
