/// A scroll position that survives resizes: anchored to a logical line, not a screen row.
public struct ScrollState: Sendable, Equatable {
  /// Follow the tail as text arrives (the default; End restores it).
  public var follow = true
  public var anchorLine = 0
  public var anchorRowInLine = 0
  public init() {}
}
