import PonderScreen
import Testing

/// The input wraps a long line onto rows and keeps the caret on screen.
@Suite struct InputRowsTests {
  func editor(_ text: String) -> InputEditor {
    var editor = InputEditor()
    editor.insert(text)
    return editor
  }

  @Test func aLongLineWrapsAtTheWidth() {
    let rows = InputRows(editor(String(repeating: "a", count: 25)), width: 10)
    #expect(rows.rows == ["aaaaaaaaaa", "aaaaaaaaaa", "aaaaa"])
    #expect(rows.caretRow == 2)
    #expect(rows.caretColumn == 5)
  }

  @Test func aCaretAfterAFullRowStaysAtItsEnd() {
    let rows = InputRows(editor(String(repeating: "a", count: 10)), width: 10)
    #expect(rows.rows == ["aaaaaaaaaa"])
    #expect(rows.caretColumn == 10)
  }

  @Test func wideCharactersAreNotSplitAndLinesStartRows() {
    var input = editor("東京東京東\nab")
    input.moveToLineStart()
    let rows = InputRows(input, width: 5)
    #expect(rows.rows == ["東京", "東京", "東", "ab"])
    #expect(rows.caretRow == 3)
    #expect(rows.caretColumn == 0)
  }

  @Test func wordsMoveToTheNextRowWhole() {
    var input = editor("one two three fours")
    let rows = InputRows(input, width: 10)
    #expect(rows.rows == ["one two ", "three ", "fours"])
    #expect((rows.caretRow, rows.caretColumn) == (2, 5))
    for _ in 0..<5 { input.moveLeft() }
    let atWrap = InputRows(input, width: 10)
    #expect((atWrap.caretRow, atWrap.caretColumn) == (2, 0))
  }

  @Test func theCaretOnAnEmptyLineAndAtALineEnd() {
    var input = editor("ab\n\ncd")
    input.moveLeft()
    input.moveLeft()
    input.moveLeft()
    let empty = InputRows(input, width: 10)
    #expect(empty.rows == ["ab", "", "cd"])
    #expect((empty.caretRow, empty.caretColumn) == (1, 0))
    input.moveLeft()
    let lineEnd = InputRows(input, width: 10)
    #expect((lineEnd.caretRow, lineEnd.caretColumn) == (0, 2))
  }

  @Test func theInputBoxGrowsForAWrappedPrompt() {
    var session = Session()
    session.type(String(repeating: "word ", count: 60))
    #expect(session.state.layout.input.height == 4)
  }
}
