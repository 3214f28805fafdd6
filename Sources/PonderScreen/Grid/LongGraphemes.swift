/// The grapheme clusters of one ``CellGrid`` that are longer than a ``Cell`` holds inline (more
/// than three scalars: emoji ZWJ sequences such as 👩🏽‍💻 or 👨‍👩‍👧, tag flags, stacked combining
/// marks), so a cell can refer to its cluster by number and stay plain data.
///
/// Each grid numbers its own clusters: a grid lives one frame, so the table holds only what was
/// written into it, and grids compare such cells by their text (``CellGrid/changes(since:)``).
struct LongGraphemes: Sendable {
  private var graphemes: [String] = []

  /// Stores `grapheme` and returns its number.
  mutating func add(_ grapheme: Character) -> UInt32 {
    graphemes.append(String(grapheme))
    return UInt32(graphemes.count - 1)
  }

  /// Whether no cell of the grid refers to a long cluster.
  var isEmpty: Bool { graphemes.isEmpty }

  /// The cluster stored under `number`.
  func grapheme(numbered number: UInt32) -> String {
    Int(number) < graphemes.count ? graphemes[Int(number)] : "\u{FFFD}"
  }
}
