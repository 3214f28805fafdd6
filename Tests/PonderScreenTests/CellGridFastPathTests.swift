import PonderTestSupport
import Testing

@testable import PonderScreen

/// The grid's fast paths do what the plain ones do: `write` reads ASCII byte by byte around the
/// graphemes it reads whole, `fill` writes a row span at once, and `changes(since:)` compares
/// cells field by field, reading long graphemes' text only where a cell holds one.
@Suite struct CellGridFastPathTests {
  static let pieces = [
    "a", "bc", " ", "·", "●", "東", "🙂", "e\u{301}", "👨‍👩‍👧‍👦", "🇫🇷", "x\u{301}\u{302}\u{303}", "—", "~", "1\u{FE0F}\u{20E3}",
    // A mark joins whatever comes before it, a lone scalar included.
    "\u{301}", "ü", "Ж", "가", "\u{600}",
  ]

  /// What `write` did before its fast paths: every grapheme read whole and put in turn.
  static func reference(_ text: String, x: Int, maxX: Int?, into grid: inout CellGrid, role: StyleRole) -> Int {
    let limit = min(maxX ?? grid.width, grid.width)
    var column = x
    for grapheme in text {
      let cellWidth = DisplayWidth.of(grapheme)
      if cellWidth == 0 { continue }
      if column + cellWidth > limit {
        if column >= 0, column < limit { grid[column, 0] = Cell(scalar: " ", role: role) }
        return limit
      }
      if column >= 0 { grid.put(grapheme, width: cellWidth, x: column, y: 0, role: role) }
      column += cellWidth
    }
    return column
  }

  @Test func writingMixedTextDrawsWhatWritingEveryGraphemeDraws() {
    var random = SplitMix64(seed: 7)
    for _ in 0..<400 {
      let text = (0..<Int.random(in: 0...12, using: &random)).map { _ in Self.pieces.randomElement(using: &random)! }
        .joined()
      let x = Int.random(in: -2...4, using: &random)
      let maxX = Bool.random(using: &random) ? nil : Int.random(in: 0...20, using: &random)
      var fast = CellGrid(width: 16, height: 1)
      var slow = CellGrid(width: 16, height: 1)
      fast.fill(fast.bounds, role: .dim, with: "#")
      slow.fill(slow.bounds, role: .dim, with: "#")
      let fastEnd = fast.write(text, x: x, y: 0, maxX: maxX, role: .answer)
      let slowEnd = Self.reference(text, x: x, maxX: maxX, into: &slow, role: .answer)
      #expect(fastEnd == slowEnd, "\(text.debugDescription) at \(x), max \(String(describing: maxX))")
      #expect(fast == slow, "\(text.debugDescription): \(fast.lines) vs \(slow.lines)")
      // A substring (its bytes start inside another string's) writes the same.
      var sliced = CellGrid(width: 16, height: 1)
      sliced.fill(sliced.bounds, role: .dim, with: "#")
      let slicedEnd = sliced.write("é\(text)·".dropFirst().dropLast(), x: x, y: 0, maxX: maxX, role: .answer)
      #expect(slicedEnd == slowEnd && sliced == slow, "\(text.debugDescription) as a substring")
    }
  }

  /// Rows compare as bytes only if a cell has no padding, whose bytes nothing sets.
  @Test func aCellHasNoPadding() {
    #expect(MemoryLayout<Cell>.size == MemoryLayout<Cell>.stride)
  }

  @Test func fillingWritesEveryCellOfTheAreaAndNoOther() {
    var grid = CellGrid(width: 6, height: 4)
    grid.fill(Rect(x: 1, y: 1, width: 9, height: 2), role: .code)
    grid.fill(Rect(x: 0, y: 3, width: 2, height: 1), role: .dim, with: "·")
    #expect(grid.lines == ["      ", "      ", "      ", "··    "])
    #expect(grid.roles(row: 0) == Array(repeating: .normal, count: 6))
    #expect(grid.roles(row: 1) == [.normal] + Array(repeating: .code, count: 5))
    #expect(grid.roles(row: 2) == [.normal] + Array(repeating: .code, count: 5))
    #expect(grid.roles(row: 3) == [.dim, .dim, .normal, .normal, .normal, .normal])
  }

  /// Random frames, one after another: every cell outside the runs `changes(since:)` reports
  /// shows what it showed before, each run holds the new frame's cells and starts and ends on a
  /// whole grapheme, and an unchanged frame reports nothing.
  /// A change in the last cell of a row, or only in a role, is found (rows compare as bytes).
  @Test func aChangeAtTheEndOfARowOrOnlyInItsRoleIsFound() {
    var before = CellGrid(width: 30, height: 3)
    before.write("the same text to the edge of it", x: 0, y: 1, role: .answer)
    var after = before
    after.write("!", x: 29, y: 1, role: .answer)
    #expect(after.changes(since: before).map { [$0.x, $0.y, $0.cells.count] } == [[29, 1, 1]])
    var restyled = before
    restyled.restyle(Rect(x: 0, y: 1, width: 1, height: 1), role: .reasoning)
    #expect(restyled.changes(since: before).map { [$0.x, $0.y, $0.cells.count] } == [[0, 1, 1]])
  }

  /// Without long graphemes, unchanged rows are found by comparing bytes.
  @Test(arguments: [true, false])
  func theChangesBetweenTwoFramesAreEveryCellThatDiffers(withLongGraphemes: Bool) {
    let pieces = withLongGraphemes ? Self.pieces : Self.pieces.filter { $0.unicodeScalars.count < 4 }
    var random = SplitMix64(seed: 11)
    var previous = CellGrid(width: 12, height: 5)
    for _ in 0..<300 {
      var next = CellGrid(width: 12, height: 5)
      for row in 0..<5 {
        let text = (0..<Int.random(in: 0...6, using: &random)).map { _ in pieces.randomElement(using: &random)! }
          .joined()
        let role: StyleRole = Bool.random(using: &random) ? .answer : .reasoning
        next.write(text, x: Int.random(in: 0...3, using: &random), y: row, role: role)
      }
      var covered = Array(repeating: false, count: next.cells.count)
      for change in next.changes(since: previous) {
        let start = change.y * next.width + change.x
        #expect(next.cells[start] == change.cells.first)
        #expect(next.cells[start].width != 0, "a run starts on a continuation cell")
        let end = start + change.cells.count
        #expect(
          change.x + change.cells.count == next.width || next.cells[end].width != 0, "a run splits a wide grapheme")
        for index in start..<end { covered[index] = true }
      }
      for index in covered.indices where !covered[index] {
        #expect(next.showsSame(at: index, as: previous), "cell \(index): \(previous.lines) → \(next.lines)")
      }
      #expect(next.changes(since: next).isEmpty)
      previous = next
    }
  }
}
