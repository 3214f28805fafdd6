import PonderCore
import PonderScreen
import Testing

/// The end of a streaming text is marked by the terminal's own cursor when nothing else needs
/// it, and by a drawn ▊ when the input has the cursor.
@Suite struct StreamCaretTests {
  func answering() -> Session {
    var session = Session()
    session.type("hi")
    session.press(.enter)
    session.stream([.answer("Blue light")], after: .milliseconds(300))
    return session
  }

  func row(containing text: String, in grid: CellGrid) -> Int? {
    grid.lines.firstIndex { $0.contains(text) }
  }

  @Test func theTerminalCursorSitsAfterTheStreamingAnswer() throws {
    let grid = answering().render()
    let y = try #require(row(containing: "Blue light", in: grid))
    #expect(grid.cursorKind == .streamCaret)
    #expect(grid.cursor?.y == y)
    #expect(grid.cursor?.x == "Blue light".count)
    #expect(!grid.lines.joined().contains("▊"), "nothing is drawn for the caret")
  }

  @Test func typingDuringTheStreamGivesTheCursorToTheInputAndDrawsTheGlyph() throws {
    var session = answering()
    session.type("next")
    let grid = session.render()
    let answerRow = try #require(row(containing: "Blue light", in: grid))
    #expect(grid.lines[answerRow].contains("Blue light▊"))
    #expect(grid.cursorKind == .input)
    #expect(grid.cursor?.y == row(containing: "› next", in: grid))
  }

  @Test func aPausedStreamHasNoCaret() {
    var session = answering()
    session.press(.control("p"))
    let grid = session.render()
    #expect(grid.cursor == nil)
    #expect(!grid.lines.joined().contains("▊"))
  }
}
