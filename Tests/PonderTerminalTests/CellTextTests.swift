import CNCurses
import PonderScreen
import Testing

@testable import PonderTerminal

@Suite struct CellTextTests {
  /// glibc's view of the few characters used here.
  static func width(_ scalar: UInt32) -> Int32 {
    switch scalar {
    case 0x301, 0x303, 0xFE0F, 0x200D: return 0
    case 0x6771, 0x1F642, 0x1F44D, 0x1F3FD, 0x1F468: return 2
    case 0x1F1EF, 0x1F1F5: return 1
    case 0x1FAE8: return -1  // newer than the C library
    default: return 1
    }
  }

  /// A grid holding `grapheme` in its first cell, `width` columns wide.
  static func grid(_ grapheme: Character, width: UInt8) -> CellGrid {
    var grid = CellGrid(width: 2, height: 1)
    grid.put(grapheme, width: Int(width), x: 0, y: 0, role: .normal)
    return grid
  }

  static func scalars(_ grapheme: Character, width: UInt8) -> (scalars: [UInt32], next: UInt32?) {
    var text = CellText()
    text.columnWidth = Self.width
    let grid = Self.grid(grapheme, width: width)
    return text.scalars(for: grid[0, 0], in: grid)
  }

  @Test func asciiAndCombiningMarks() {
    #expect(Self.scalars("a", width: 1) == ([0x61], nil))
    #expect(Self.scalars("e\u{301}\u{303}", width: 1) == ([0x65, 0x301, 0x303], nil))
  }

  @Test func variationSelectorsModifiersAndJoinersAreLeftOutOfThePlaceholder() {
    #expect(Self.scalars("❤\u{FE0F}", width: 1) == ([0x2764], nil))
    #expect(Self.scalars("👍🏽", width: 2) == ([0x1F44D], nil))
    #expect(Self.scalars("👨‍👩‍👧", width: 2) == ([0x1F468], nil))
  }

  @Test func wideCharactersAreWrittenWhole() {
    #expect(Self.scalars("東", width: 2) == ([0x6771], nil))
    #expect(Self.scalars("🙂", width: 2) == ([0x1F642], nil))
  }

  @Test func flagsAreSplitOverBothColumns() {
    #expect(Self.scalars("🇯🇵", width: 2) == ([0x1F1EF], 0x1F1F5))
  }

  @Test func unknownWidthsBecomeAPlaceholder() {
    #expect(Self.scalars("\u{1FAE8}", width: 2) == ([0x3F], 0x20))
    #expect(Self.scalars("\u{1FAE8}", width: 1) == ([0x3F], nil))
  }

  static func needsOverlay(_ grapheme: Character, width: UInt8) -> Bool {
    var text = CellText()
    text.columnWidth = Self.width
    let grid = Self.grid(grapheme, width: width)
    return text.needsOverlay(grid[0, 0], in: grid)
  }

  @Test func placeholdersAreOverlaidAndFaithfulCellsAreNot() {
    for (grapheme, width) in [("a", 1), ("e\u{301}\u{303}", 1), ("東", 2), ("🙂", 2), ("🇯🇵", 2)] as [(Character, UInt8)] {
      #expect(!Self.needsOverlay(grapheme, width: width), "\(grapheme)")
    }
    for (grapheme, width) in [("❤\u{FE0F}", 2), ("👍🏽", 2), ("👨‍👩‍👧", 2), ("\u{1FAE8}", 2)] as [(Character, UInt8)] {
      #expect(Self.needsOverlay(grapheme, width: width), "\(grapheme)")
    }
    #expect(Self.needsOverlay("e\u{301}\u{301}\u{301}\u{301}\u{301}", width: 1))
  }
}
