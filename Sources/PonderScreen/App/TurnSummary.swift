import PonderCore

/// How a finished turn ended, for the status bar and the log.
public struct TurnSummary: Sendable, Equatable {
  public enum Outcome: Sendable, Equatable {
    case done(reason: String)
    /// The server stopped it at the length limit (see ``MessageStatus/lengthReasons``).
    case cutOff(reason: String)
    case cancelled
    case failed(String)
  }

  public var outcome: Outcome
  public var tokens: Int
  public var tokensPerSecond: Double?
  /// Whether the speed is the server's own figure (else measured by Ponder).
  public var rateFromServer: Bool
  public var timeToFirstToken: Duration?
  public var elapsed: Duration
}
