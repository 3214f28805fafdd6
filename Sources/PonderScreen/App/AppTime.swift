/// When a message happened: monotonic time for durations and the wall clock for the log.
///
/// The loop stamps every message; the state never reads a clock, so tests control time.
public struct AppTime: Sendable, Equatable {
  /// Time since the app started.
  public var monotonic: Duration
  /// Local wall-clock time of day, `HH:MM:SS`.
  public var wallClock: String

  public init(monotonic: Duration, wallClock: String) {
    self.monotonic = monotonic
    self.wallClock = wallClock
  }

  public static let zero = AppTime(monotonic: .zero, wallClock: "00:00:00")
}
