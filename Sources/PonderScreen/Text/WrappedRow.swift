/// One screen row of a wrapped line: a range of the line's display text.
public struct WrappedRow: Sendable, Equatable {
  public var start: String.Index
  public var end: String.Index
  /// Grapheme offset of `start` within the line (for spans and search matches).
  public var startOffset: Int
  public var graphemeCount: Int
  public var width: Int
}
