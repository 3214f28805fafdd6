import PonderCore

/// The ways to retry a cut-off answer, each one key in the overlay.
public enum RetryChange: Sendable, Equatable {
  /// Send again with this output limit (`num_predict`).
  case moreRoom(Int)
  /// Send again with thinking off.
  case thinkingOff
}
