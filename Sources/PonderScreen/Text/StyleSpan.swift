/// A role applied to part of a line, by grapheme offsets into the line's display text.
public struct StyleSpan: Sendable, Equatable {
  public var range: Range<Int>
  public var role: StyleRole
  public init(_ range: Range<Int>, _ role: StyleRole) {
    self.range = range
    self.role = role
  }
}
