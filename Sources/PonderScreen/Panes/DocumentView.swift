/// Draws the visible rows of a ``TextDocument`` into a rect: spans, search highlights and the
/// stream's caret after the last line. Only rows on screen are wrapped and drawn.
public struct DocumentView {
  /// How the end of a streaming text is marked.
  public enum Caret: Sendable, Equatable {
    /// The terminal's own cursor sits there (``CursorKind/streamCaret``): nothing is drawn.
    case terminalCursor
    /// A drawn `▊`, for when the terminal cursor is the input's; it blinks: the caller leaves
    /// the caret out on the off phase.
    case glyph
  }

  public var document: TextDocument
  public var top: Int
  /// The caret after the last line, if the text is streaming here.
  public var caret: Caret?
  public var matches: [SearchState.Match] = []
  public var currentMatch: Int?

  public init(document: TextDocument, top: Int) {
    self.document = document
    self.top = top
  }

  public static let cursorGlyph: Character = "▊"

  public func render(in area: Rect, into grid: inout CellGrid) {
    grid.fill(area)
    guard !area.isEmpty, !document.lines.isEmpty else {
      if let caret, !area.isEmpty { mark(caret, x: area.x, y: area.y, role: .normal, into: &grid) }
      return
    }
    var (lineIndex, rowInLine) = document.locate(row: top, width: area.width)
    let lastLine = document.lines.count - 1
    for y in area.y..<area.maxY {
      guard lineIndex <= lastLine else { break }
      let rows = document.rows(ofLine: lineIndex, width: area.width)
      let row = rows[min(rowInLine, rows.count - 1)]
      draw(row, of: document.lines[lineIndex], lineIndex: lineIndex, x: area.x, y: y, maxX: area.maxX, into: &grid)
      if let caret, lineIndex == lastLine, rowInLine == rows.count - 1 {
        // Same role as the text it follows: no attribute switch per frame, fewer bytes written.
        let line = document.lines[lineIndex]
        mark(
          caret, x: min(area.x + row.width, area.maxX - 1), y: y,
          role: line.kind == .markdown ? .answer : line.baseRole, into: &grid)
      }
      rowInLine += 1
      if rowInLine >= rows.count {
        lineIndex += 1
        rowInLine = 0
      }
    }
  }

  private func mark(_ caret: Caret, x: Int, y: Int, role: StyleRole, into grid: inout CellGrid) {
    switch caret {
    case .terminalCursor:
      grid.cursor = (x, y)
      grid.cursorKind = .streamCaret
    case .glyph: grid.put(Self.cursorGlyph, width: 1, x: x, y: y, role: role)
    }
  }

  private func draw(
    _ row: WrappedRow, of line: TextLine, lineIndex: Int, x: Int, y: Int, maxX: Int, into grid: inout CellGrid
  ) {
    let lineMatches = matches.enumerated().filter { $0.element.line == lineIndex }
    var column = x
    var offset = row.startOffset
    var spanIndex = 0
    let spans = line.spans
    // The bytes are read in place, by offset: reading them through the string's index cost more
    // than the drawing.
    var text = line.display
    text.makeContiguousUTF8()  // already so for Swift's own strings: then this does nothing
    let utf8 = text.utf8
    var place = utf8.distance(from: utf8.startIndex, to: row.start)
    let end = utf8.distance(from: utf8.startIndex, to: row.end)
    if line.isASCII, lineMatches.isEmpty {
      // Contiguous UTF-8 (made so above) always gives its storage.
      _ = utf8.withContiguousStorageIfAvailable { bytes in
        for byte in bytes[place..<end] {
          guard column < maxX else { break }
          while spanIndex < spans.count, spans[spanIndex].range.upperBound <= offset { spanIndex += 1 }
          let role =
            spanIndex < spans.count && spans[spanIndex].range.contains(offset) ? spans[spanIndex].role : line.baseRole
          grid[column, y] = Cell(scalar: Unicode.Scalar(byte), role: role)
          column += 1
          offset += 1
        }
      }
      fillCodeBackground(line, from: column, to: maxX, y: y, into: &grid)
      return
    }
    // ASCII that is a grapheme by itself is read as a byte and written as a plain cell, with no
    // grapheme breaking; the rest grapheme by grapheme.
    func draw(scalar: Unicode.Scalar?, grapheme: Character?, width cellWidth: Int) -> Bool {
      defer { offset += 1 }
      guard cellWidth > 0 else { return true }
      if column + cellWidth > maxX { return false }
      while spanIndex < spans.count, spans[spanIndex].range.upperBound <= offset { spanIndex += 1 }
      var role = line.baseRole
      if spanIndex < spans.count, spans[spanIndex].range.contains(offset) {
        role = spans[spanIndex].role
      } else if let span = spans.first(where: { $0.range.contains(offset) }) {
        role = span.role
      }
      if let hit = lineMatches.first(where: {
        offset >= $0.element.offset && offset < $0.element.offset + $0.element.length
      }) {
        role = hit.offset == currentMatch ? .searchCurrent : .searchMatch
      }
      if let scalar, scalar.isASCII {
        // Left to right on a row just filled: no wide character to mend around it.
        grid[column, y] = Cell(scalar: scalar, role: role)
      } else if let scalar {
        grid.put(scalar: scalar, width: cellWidth, x: column, y: y, role: role)
      } else if let grapheme {
        grid.put(grapheme, width: cellWidth, x: column, y: y, role: role)
      }
      column += cellWidth
      return true
    }
    // Contiguous UTF-8 (made so above) always gives its storage.
    _ = utf8.withContiguousStorageIfAvailable { bytes in
      while place < end {
        // One call of `draw` per grapheme: with a call per kind it was no longer inlined.
        var scalar: Unicode.Scalar?
        var grapheme: Character?
        let cellWidth: Int
        if let ascii = DisplayWidth.loneASCII(in: bytes, at: place) {
          place += 1
          scalar = Unicode.Scalar(ascii)
          cellWidth = DisplayWidth.of(ascii: ascii)
        } else if let (lone, length) = DisplayWidth.loneScalar(in: bytes, at: place) {
          place += length
          scalar = lone
          cellWidth = DisplayWidth.of(lone)
        } else {
          let index = utf8.index(utf8.startIndex, offsetBy: place)
          let whole = text[index]
          place = utf8.distance(from: utf8.startIndex, to: text.index(after: index))
          grapheme = whole
          cellWidth = DisplayWidth.of(whole)
        }
        guard draw(scalar: scalar, grapheme: grapheme, width: cellWidth) else { return }
      }
    }
    fillCodeBackground(line, from: column, to: maxX, y: y, into: &grid)
  }

  /// Code lines are set apart by their background, which runs to the pane's edge.
  private func fillCodeBackground(_ line: TextLine, from column: Int, to maxX: Int, y: Int, into grid: inout CellGrid) {
    if line.baseRole == .code || line.baseRole == .codeLabel, column < maxX {
      grid.fill(Rect(x: column, y: y, width: maxX - column, height: 1), role: line.baseRole)
    }
  }
}
