import Synchronization

/// Grapheme clusters longer than a ``Cell`` holds inline (more than three scalars: emoji ZWJ
/// sequences such as 👩🏽‍💻 or 👨‍👩‍👧, tag flags, stacked combining marks), each stored once for
/// the life of the process so a cell can refer to it by number and stay plain data.
///
/// The same cluster always gets the same number, so cells compare equal across frames and the
/// grid diff needs no strings. The table is capped; past the cap a cluster is kept in part
/// (its first three scalars), which would take thousands of distinct long clusters on screen.
public final class LongGraphemes: Sendable {
  public static let shared = LongGraphemes()

  /// How many distinct long clusters are kept.
  public static let capacity = 8192

  private struct Table {
    var numbers: [String: UInt32] = [:]
    var graphemes: [String] = []
  }

  private let table = Mutex(Table())

  init() {}

  /// The number of `grapheme`, added if new; nil when the table is full.
  func number(for grapheme: Character) -> UInt32? {
    let text = String(grapheme)
    return table.withLock { table in
      if let known = table.numbers[text] { return known }
      guard table.graphemes.count < Self.capacity else { return nil }
      let number = UInt32(table.graphemes.count)
      table.graphemes.append(text)
      table.numbers[text] = number
      return number
    }
  }

  /// The cluster stored under `number`.
  func grapheme(numbered number: UInt32) -> String {
    table.withLock { table in
      Int(number) < table.graphemes.count ? table.graphemes[Int(number)] : "\u{FFFD}"
    }
  }
}
