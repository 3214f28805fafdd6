/// The input's text as screen rows: each line wrapped at a width (by display width; a wide
/// character is never split), and the row and column where the caret falls.
///
/// The layout sizes the input box with it and ``InputView`` draws it, so a long one-line prompt
/// wraps instead of scrolling sideways.
public struct InputRows: Sendable, Equatable {
  /// The input's characters and, for each row, where it starts in them and how many it holds:
  /// a row's text is only made when it is drawn, so a 1 MB draft costs one pass per frame.
  private let text: [Character]
  private var runs: [Run] = []
  /// The row the caret is on.
  public private(set) var caretRow = 0
  /// The caret's column within its row, in cells.
  public private(set) var caretColumn = 0

  /// The columns the input's text may use on a screen this wide: all but the prompt and one
  /// column kept free for the caret at the end of a full row.
  public static func textWidth(screenWidth: Int) -> Int {
    max(1, screenWidth - DisplayWidth.of(InputView.prompt) - 1)
  }

  private struct Run: Sendable, Equatable {
    var start: Int
    var count: Int
  }

  /// How many rows the text takes (at least one).
  public var count: Int { runs.count }

  /// The text of row `index`.
  public func row(_ index: Int) -> String {
    let run = runs[index]
    return String(text[run.start..<(run.start + run.count)])
  }

  /// The text of each row, top to bottom; an empty input has one empty row.
  public var rows: [String] { runs.indices.map(row) }

  public init(_ editor: InputEditor, width: Int) {
    let width = max(1, width)
    let text = editor.text
    self.text = text
    // Each row is a run of the text: where it starts and how many characters it holds.
    var runs: [Run] = []
    var start = 0
    var count = 0
    var rowWidth = 0
    for (offset, character) in text.enumerated() {
      if character == "\n" {
        runs.append(Run(start: start, count: count))
        (start, count, rowWidth) = (offset + 1, 0, 0)
        continue
      }
      let characterWidth = DisplayWidth.of(character)
      // A space may hang past the width (the caret's spare column); anything else wraps, taking
      // its word to the next row when the row has a space to break after.
      if rowWidth + characterWidth > width, count > 0, !(character == " " && rowWidth == width) {
        let kept = (start..<offset).last(where: { text[$0] == " " }).map { $0 + 1 - start } ?? count
        runs.append(Run(start: start, count: kept))
        (start, count) = (start + kept, count - kept)
        rowWidth = text[start..<offset].reduce(0) { $0 + DisplayWidth.of($1) }
      }
      count += 1
      rowWidth += characterWidth
    }
    runs.append(Run(start: start, count: count))
    self.runs = runs
    // The caret sits before the character at its offset; an offset that ends one row and
    // starts the next (a wrap) is shown at the start of the next.
    for (index, run) in runs.enumerated() where run.start <= editor.cursor && editor.cursor <= run.start + run.count {
      let continues = index + 1 < runs.count && runs[index + 1].start == editor.cursor
      if continues { continue }
      caretRow = index
      caretColumn = DisplayWidth.of(String(text[run.start..<editor.cursor]))
      return
    }
  }
}
