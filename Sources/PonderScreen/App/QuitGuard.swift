/// Ctrl-C on an empty input quits only when pressed twice within a few seconds, and a press that
/// comes right after a cancel does not count: the reflexive second Ctrl-C of "stop that!" must
/// not close the app.
public struct QuitGuard: Sendable, Equatable {
  /// What a Ctrl-C on an empty, idle input does.
  public enum Decision: Sendable, Equatable {
    /// The first press: say "Ctrl-C again to quit".
    case arm
    /// The second press in a row: quit.
    case quit
    /// Too soon after a cancel: nothing happens.
    case ignore
  }

  /// How long after a cancel a Ctrl-C is taken as part of that cancel.
  public static let afterCancel = Duration.seconds(1)
  /// How long the first press waits for the second.
  public static let window = Duration.seconds(3)

  private var armedAt: Duration?
  private var lastCancel: Duration?

  /// Whether the next press quits (if it comes within ``window``).
  public var armed: Bool { armedAt != nil }

  public init() {}

  /// A Ctrl-C on an empty input while nothing streams, at `now` (monotonic).
  public mutating func press(at now: Duration) -> Decision {
    if let lastCancel, now - lastCancel < Self.afterCancel {
      armedAt = nil
      return .ignore
    }
    if let armedAt, now - armedAt < Self.window {
      self.armedAt = nil
      return .quit
    }
    armedAt = now
    return .arm
  }

  /// A response was cancelled (or its cancel completed) at `now`.
  public mutating func cancelled(at now: Duration) {
    lastCancel = now
    armedAt = nil
  }

  /// Any other key: the next Ctrl-C is a first press again.
  public mutating func disarm() { armedAt = nil }
}
