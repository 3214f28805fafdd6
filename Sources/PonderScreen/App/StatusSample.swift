import PonderCore

/// The figures the status bar shows for a running turn.
public struct StatusSample: Sendable, Equatable {
  public var phase = TurnState.Phase.waiting
  public var tokens = 0
  public var phaseTokens = 0
  public var elapsed = Duration.zero
  public var phaseElapsed = Duration.zero
  public var timeToFirstToken: Duration?
  public var backlogBytes = 0
  /// How long since text last arrived (or since the request, before any).
  public var quietFor = Duration.zero
  public var at: Duration

  init(at: Duration) { self.at = at }

  /// Silence worth saying: 10 s with nothing from the server.
  public static let longSilence = Duration.seconds(10)

  /// Live tokens per second of the current phase.
  public var phaseRate: Double? {
    let seconds = phaseElapsed.seconds
    guard phaseTokens > 0, seconds > 0.05 else { return nil }
    return Double(phaseTokens) / seconds
  }
}
