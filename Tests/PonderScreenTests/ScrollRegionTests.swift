import PonderCore
import PonderScreen
import Testing

/// The screen tells the terminal which band scrolled, so an answer of repeated lines costs its
/// new rows, not a repaint of the pane.
@Suite struct ScrollRegionTests {
  @Test func aGrowingAnswerScrollsItsBandAndOnlyTheFreedRowsDiffer() {
    var session = Session(width: 60, height: 20)
    session.type("a table please")
    session.press(.enter)
    let row = "| light | scatters | more |\n"
    session.stream([.answer(String(repeating: row, count: 30))])
    let before = session.render()
    session.stream([.answer(String(repeating: row, count: 3))])
    let after = session.render()
    let scrolls = after.scrolls(since: before)
    let answer = try? #require(scrolls.first)
    #expect(scrolls.count == 1)
    #expect(answer?.count == 3)
    guard let answer else { return }
    // Moved up by 3, the old frame matches the new one everywhere in the band but the 3 freed rows.
    let moved = before.scrolled(answer)
    let differing = answer.rows.filter { row in
      (0..<after.width).contains { moved[$0, row] != after[$0, row] }
    }
    #expect(differing.count <= answer.count + 1)  // the freed rows, and the row with the ▊
    #expect(differing.allSatisfy { $0 >= answer.rows.upperBound - answer.count - 1 })
  }

  @Test func nothingScrollsWhenTheBandDidNotMoveDownOrTheSizeChanged() {
    var session = Session(width: 60, height: 20)
    session.type("hi")
    session.press(.enter)
    session.stream([.answer("one short line")])
    let before = session.render()
    session.stream([.answer(" and more")])
    #expect(session.render().scrolls(since: before).isEmpty)
    #expect(session.render().scrolls(since: nil).isEmpty)
    #expect(session.render().scrolls(since: CellGrid(width: 61, height: 20)).isEmpty)
  }
}
