import PonderCore
import PonderScreen
import PonderTestSupport
import Testing

@Suite struct PaneRenderingTests {
  func render(
    _ document: TextDocument, width: Int, height: Int, top: Int = 0, caret: DocumentView.Caret? = nil
  ) -> CellGrid {
    var grid = CellGrid(width: width, height: height)
    var view = DocumentView(document: document, top: top)
    view.caret = caret
    view.render(in: grid.bounds, into: &grid)
    return grid
  }

  /// Lines with some non-ASCII are drawn byte by byte for their ASCII, scalar by scalar for a
  /// character that is a grapheme by itself, and grapheme by grapheme for the rest: the grid is
  /// what drawing every grapheme would give.
  @Test(arguments: [
    "café au lait, s'il vous plaît", "x東y 東京 z and more words", "ok 👍🏽 ok 👩‍💻 done", "abe\u{301}c de\u{301}\u{302}f",
    "12:00 ◇ thinking started", "a\u{200D}b · c", "ü Ж 가 \u{600}x — ● end·", "a ·\u{301} b ·\u{301}",
  ])
  func mixedLinesDrawWhatEveryGraphemeDraws(text: String) {
    for width in [3, 5, 8, 20, 60] {
      let document = TextDocument()
      document.append(text, kind: .plain(.normal), role: .normal)
      let drawn = render(document, width: width, height: 12)
      var expected = CellGrid(width: width, height: 12)
      let line = document.lines[0]
      for (y, row) in document.rows(ofLine: 0, width: width).enumerated() where y < 12 {
        var column = 0
        for grapheme in line.display[row.start..<row.end] {
          let cellWidth = DisplayWidth.of(grapheme)
          if cellWidth == 0 { continue }
          if column + cellWidth > width { break }
          expected.put(grapheme, width: cellWidth, x: column, y: y, role: line.baseRole)
          column += cellWidth
        }
      }
      #expect(drawn == expected, "\(text.debugDescription) at \(width)")
    }
  }

  @Test func wrapsAtWordBoundaries() {
    let document = TextDocument()
    document.append("alpha beta gamma", kind: .plain(.normal), role: .normal)
    #expect(render(document, width: 10, height: 2).lines == ["alpha beta", "gamma     "])
  }

  @Test func hardBreaksWordsLongerThanARow() {
    let document = TextDocument()
    document.append("abcdefghijkl", kind: .plain(.normal), role: .normal)
    #expect(render(document, width: 5, height: 3).lines == ["abcde", "fghij", "kl   "])
  }

  @Test func wideCharactersTakeTwoCellsAndNeverSplit() {
    let document = TextDocument()
    document.append("ab東京🙂x", kind: .plain(.normal), role: .normal)
    let grid = render(document, width: 5, height: 3)
    #expect(grid.lines == ["ab東 ", "京🙂x"].map { $0 } + ["     "])
    #expect(grid[2, 0].width == 2)
    #expect(grid[3, 0].width == 0)
  }

  @Test func cursorSitsAfterTheLastCharacter() {
    let document = TextDocument()
    document.reserveCursorCell = true
    document.append("abc", kind: .plain(.reasoning), role: .reasoning)
    let grid = render(document, width: 10, height: 1, caret: .glyph)
    #expect(grid.lines == ["abc▊      "])
    #expect(grid[3, 0].role == .reasoning, "the ▊ takes the colour of the text it follows")
    #expect(grid.cursor == nil)
  }

  @Test func theTerminalCursorCanBeTheCaretWithNothingDrawn() {
    let document = TextDocument()
    document.reserveCursorCell = true
    document.append("abc", kind: .plain(.reasoning), role: .reasoning)
    let grid = render(document, width: 10, height: 1, caret: .terminalCursor)
    #expect(grid.lines == ["abc       "])
    #expect(grid.cursor?.x == 3 && grid.cursor?.y == 0)
    #expect(grid.cursorKind == .streamCaret)
  }

  @Test func cursorMovesToTheNextRowWhenTheLineIsFull() {
    let document = TextDocument()
    document.reserveCursorCell = true
    document.append("abcde", kind: .plain(.reasoning), role: .reasoning)
    #expect(render(document, width: 5, height: 2, caret: .glyph).lines == ["abcde", "▊    "])
    let grid = render(document, width: 5, height: 2, caret: .terminalCursor)
    #expect(grid.cursor?.x == 0 && grid.cursor?.y == 1)
  }

  @Test func controlCharactersAndEscapesNeverReachACell() {
    let document = TextDocument()
    document.append("red \u{1B}[31mX\u{07}\tend", kind: .plain(.normal), role: .normal)
    let line = render(document, width: 30, height: 1).lines[0]
    #expect(!line.unicodeScalars.contains { $0.value < 0x20 })
    #expect(line.hasPrefix("red \u{FFFD}[31mX\u{FFFD}    end"))
  }

  @Test func markdownStylesWithoutTheMarkers() {
    let document = TextDocument()
    document.append("# Title\nsome **bold** and `code`\n- item", kind: .markdown, role: .answer)
    let grid = render(document, width: 30, height: 3)
    #expect(grid.lines.map { $0.droppingTrailingSpaces() } == ["Title", "some bold and code", "• item"])
    #expect(grid[0, 0].role == .heading)
    #expect(grid[5, 1].role == .bold)
    #expect(grid[14, 1].role == .code)
    #expect(grid[0, 2].role == .listBullet)
  }

  /// What the pieces end as; that a release restyles only the growing line is a property of
  /// `TextDocument`'s restyling, not visible in the text, and is not checked here.
  @Test func streamedMarkdownEndsStyledLikeTheWholeText() {
    let document = TextDocument()
    for piece in ["some **bo", "ld** text\n", "```py\n", "x = 1\n", "```"] {
      document.append(piece, kind: .markdown, role: .answer)
    }
    #expect(document.lines.map(\.display) == ["some bold text", "╭─ [1] py", "│ x = 1", "╰─"])
  }

  @Test func statusBarTextWhileWaiting() {
    var session = Session()
    session.type("hi")
    session.press(.enter)
    session.send(.tick, after: .milliseconds(1500))
    #expect(StatusBar.text(for: session.state).0 == " ◌ waiting for qwen3:8b · 1 s")
  }

  /// That only the shown lines are wrapped is a property of `TextDocument`'s row cache, not
  /// visible here; this checks the row count and the rows at the end of a long conversation.
  @Test func longConversationsCountEveryRowAndShowTheLast() {
    let document = TextDocument()
    for index in 0..<5000 { document.appendLine("line \(index) with some words to wrap around") }
    #expect(document.totalRows(width: 20) == 10000)
    let grid = render(document, width: 20, height: 3, top: 9998)
    #expect(grid.lines == ["line 4999 with some ", "words to wrap around", String(repeating: " ", count: 20)])
  }
}

extension String {
  func droppingTrailingSpaces() -> String {
    String(self.reversed().drop(while: { $0 == " " }).reversed())
  }
}
