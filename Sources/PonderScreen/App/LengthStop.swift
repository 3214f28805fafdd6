import PonderCore

/// An answer the server stopped at the length limit, and the room a retry should ask for.
///
/// Made when a turn ends with a ``MessageStatus/lengthReasons`` done reason; when the answer is
/// empty (a thinking model spent the whole budget reasoning) the screen offers the retries in an
/// overlay: more room (`num_predict`, which every backend sends as its own output limit) or no
/// thinking.
public struct LengthStop: Sendable, Equatable {
  /// The server's done reason (`length`, `max_tokens`, …).
  public var reason: String
  /// Tokens the turn produced before it was stopped.
  public var tokens: Int
  /// Whether the model reasoned before it was stopped.
  public var reasoned: Bool
  /// Whether the answer itself is empty.
  public var answerEmpty: Bool
  /// The output limit a retry asks for (``LengthLimit/moreRoom(used:limit:)``).
  public var moreRoom: Int

  public init(reason: String, tokens: Int, reasoned: Bool, answerEmpty: Bool, currentLimit: Int?) {
    self.reason = reason
    self.tokens = tokens
    self.reasoned = reasoned
    self.answerEmpty = answerEmpty
    moreRoom = LengthLimit.moreRoom(used: tokens, limit: currentLimit)
  }

  /// The notice under the answer.
  public var notice: String {
    if answerEmpty, reasoned {
      return "⚠ no answer: the model spent its whole budget (\(tokens) tokens) thinking"
    }
    return "⚠ \(MessageStatus.cutOff.label) (\(reason)) · \(tokens) tokens"
  }
}
