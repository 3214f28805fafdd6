import PonderScreen
import Testing

@testable import PonderTerminal

@Suite struct GraphemeOverlayTests {
  static let escape = "\u{1B}"

  static func overlay(_ text: String, width: Int = 10) -> String? {
    var grid = CellGrid(width: width, height: 2)
    grid.write(text, x: 0, y: 1, role: .answer)
    var cellText = CellText()
    cellText.columnWidth = CellTextTests.width
    var overlay = GraphemeOverlay()
    for x in 0..<grid.width where grid[x, 1].width != 0 && cellText.needsOverlay(grid[x, 1], in: grid) {
      overlay.add(x: x, y: 1)
    }
    return overlay.sequence(for: grid, cellText: &cellText, cursor: (x: 3, y: 0)) { role in
      role == .answer ? "<answer>" : "<\(role)>"
    }
  }

  @Test func plainTextNeedsNothing() {
    #expect(Self.overlay("ab 東東 🙂 🇯🇵 e\u{301}") == nil)
  }

  @Test func aSkinToneIsWrittenWholeAndTheCellsAFallbackTerminalCoversAreRewritten() {
    // 👍🏽 is one wide cell; a terminal measuring each character gives it 4 columns, so the two
    // cells after it ("ab") are written again at their own places.
    let expected =
      "\(Self.escape)[?7l"
      + "\(Self.escape)[2;2H<answer>👍🏽"
      + "\(Self.escape)[2;4H<answer>a\(Self.escape)[2;5H<answer>b"
      + "\(Self.escape)[0m\(Self.escape)[?7h\(Self.escape)[1;4H"
    #expect(Self.overlay("x👍🏽abc") == expected)
  }

  @Test func aJoinerSequenceKeepsEveryScalar() throws {
    let sequence = try #require(Self.overlay("👨‍👩‍👧"))
    #expect(sequence.contains("<answer>👨‍👩‍👧"))
    #expect(sequence.unicodeScalars.filter { $0.value == 0x200D }.count == 2)
  }

  @Test func theRepairStopsAtTheEdgeOfTheScreen() throws {
    let sequence = try #require(Self.overlay("abcdefgh👍🏽", width: 10))
    #expect(!sequence.contains("[2;11H"))
    #expect(sequence.hasPrefix("\(Self.escape)[?7l\(Self.escape)[2;9H<answer>👍🏽\(Self.escape)[0m"))
  }
}
