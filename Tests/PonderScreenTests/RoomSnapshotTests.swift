import PonderCore
import PonderScreen
import PonderTestSupport
import Testing

/// Room for the conversation: a zoomed pane, a wrapped prompt and the footer at 80 columns.
@Suite struct RoomSnapshotTests {
  @Test func zoomedAnswerAt80x24() {
    var session = Session()
    session.thinkingTurn()
    session.press(.function(6))
    let grid = session.render()
    #expect(grid.lines[0].hasPrefix("─ Answer · zoomed (F6 back)"))
    #expect(!grid.lines.contains { $0.contains("Reasoning") || $0.contains("─ Log") })
    expectSnapshot(grid, "zoomed-answer-80x24")
  }

  @Test func aLongPromptWrapsInTheInputAt80x24() throws {
    var session = Session()
    let prompt = (1...60).map { "w\($0 + 100)" }.joined(separator: " ") + " end"
    #expect(prompt.count >= 300)
    session.type(prompt)
    let grid = session.render()
    let input = session.state.layout.input
    let shown = (input.y..<input.maxY).map { String(grid.lines[$0].dropFirst(2)) }.joined()
    #expect(shown.replacing(" ", with: "") == prompt.replacing(" ", with: ""))
    let cursor = try #require(grid.cursor)
    #expect(cursor.y == input.maxY - 1)
    expectSnapshot(grid, "long-prompt-80x24")
  }

  @Test func theFooterKeepsHelpAndQuitAtAnyWidth() {
    for width in [40, 60, 80, 120] {
      let session = Session(width: width, height: 24)
      let footer = session.render().lines[23]
      #expect(footer.contains("F1 help"), "at \(width) columns: \(footer)")
      #expect(footer.contains("^Q quit"), "at \(width) columns: \(footer)")
    }
    let wide = Session(width: 160, height: 24).render().lines[23]
    #expect(wide.contains("F2/F3 panes"))
  }

  @Test func footerAt80Columns() {
    var session = Session()
    session.type("hello")
    expectSnapshot(session.render(), "footer-80x24")
  }
}
