import Testing

@testable import PonderScreen

/// Grapheme clusters are kept whole in one cell and measured as current terminals draw them.
@Suite struct GraphemeClusterTests {
  @Test(
    arguments: [
      ("a", 1), ("東", 2), ("🙂", 2), ("e\u{301}", 1), ("e\u{301}\u{302}\u{303}", 1),
      ("👍🏽", 2), ("👩‍💻", 2), ("👨‍👩‍👧", 2), ("❤\u{FE0F}", 2), ("❤", 1), ("☺\u{FE0E}", 1),
      ("🇫🇷", 2), ("1\u{FE0F}\u{20E3}", 2), ("🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}", 2),
      ("\u{915}\u{94D}\u{937}", 1),
    ] as [(String, Int)])
  func widths(text: String, columns: Int) {
    #expect(text.count == 1)
    let grapheme = Character(text)
    #expect(DisplayWidth.of(grapheme) == columns, "\(grapheme.unicodeScalars.map { String($0.value, radix: 16) })")
  }

  @Test func everyScalarOfAClusterIsKept() {
    let clusters: [String] = [
      "👍🏽", "👩‍💻", "👨‍👩‍👧‍👦", "e\u{301}\u{302}\u{303}\u{304}", "🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}",
      "1\u{FE0F}\u{20E3}",
    ]
    for text in clusters {
      #expect(text.count == 1)
      let cluster = Character(text)
      var grid = CellGrid(width: 2, height: 1)
      grid.put(cluster, width: DisplayWidth.of(cluster), x: 0, y: 0, role: .answer)
      #expect(grid.scalars(of: grid[0, 0]) == Array(cluster.unicodeScalars))
      #expect(grid.grapheme(of: grid[0, 0]) == cluster)
    }
  }

  @Test func aLineOfClustersReadsBackExactly() {
    let text = "[👍🏽] [👨‍👩‍👧] [🇫🇷] [e\u{301}\u{302}] end"
    var grid = CellGrid(width: 40, height: 1)
    let end = grid.write(text, x: 0, y: 0, role: .answer)
    #expect(end == DisplayWidth.of(text))
    #expect(grid.lines[0].hasPrefix(text))
  }

  @Test func theSameLongClusterInTwoFramesIsNoChange() {
    var first = CellGrid(width: 10, height: 1)
    first.write("👨‍👩‍👧‍👦x", x: 0, y: 0, role: .answer)
    var second = CellGrid(width: 10, height: 1)
    second.write("👨‍👩‍👧‍👦x", x: 0, y: 0, role: .answer)
    #expect(second.changes(since: first).isEmpty)
    var third = CellGrid(width: 10, height: 1)
    third.write("👨‍👩‍👧x", x: 0, y: 0, role: .answer)
    #expect(third.changes(since: first).count == 1)
  }

  @Test func eachGridNumbersItsOwnLongClusters() {
    // The same number stands for another cluster in each grid: the diff reads the text.
    var first = CellGrid(width: 10, height: 1)
    first.write("👨‍👩‍👧‍👦", x: 0, y: 0, role: .answer)
    var second = CellGrid(width: 10, height: 1)
    second.write("👩‍👩‍👦‍👦", x: 0, y: 0, role: .answer)
    #expect(first[0, 0].longNumber == second[0, 0].longNumber)
    #expect(second.changes(since: first).count == 1)
    #expect(second != first)
    // And the same cluster under another number is no change.
    var third = CellGrid(width: 10, height: 1)
    third.write("👩‍👩‍👦‍👦", x: 0, y: 0, role: .answer)
    third.write("👨‍👩‍👧‍👦", x: 0, y: 0, role: .answer)
    #expect(third[0, 0].longNumber != first[0, 0].longNumber)
    #expect(third.changes(since: first).isEmpty)
    #expect(third.lines == first.lines)
  }

  /// ASCII goes byte by byte, but an ASCII letter that a mark after it joins, a wide grapheme
  /// after ASCII, and the clip edge come out as grapheme by grapheme.
  @Test(arguments: [
    "abe\u{301}c", "ab\u{301}\u{302}", "x東y", "ok 👍🏽 ok", "plain ascii only", "a\u{200D}b", "Z",
  ])
  func theAsciiPathWritesWhatTheGraphemePathWrites(text: String) {
    for maxX in [1, 3, 5, 40] {
      var fast = CellGrid(width: 40, height: 1)
      let end = fast.write(text, x: 0, y: 0, maxX: maxX, role: .answer)
      var slow = CellGrid(width: 40, height: 1)
      var column = 0
      for grapheme in text {
        let width = DisplayWidth.of(grapheme)
        if width == 0 { continue }
        if column + width > maxX {
          if column < maxX { slow.put(" ", width: 1, x: column, y: 0, role: .answer) }
          column = maxX
          break
        }
        slow.put(grapheme, width: width, x: column, y: 0, role: .answer)
        column += width
      }
      #expect(end == column, "\(text) to \(maxX)")
      #expect(fast == slow, "\(text) to \(maxX)")
    }
  }

  static let mixedTexts = [
    "plain ascii words here", "abe\u{301}c d", "line\r\nnext", "tab\there\u{7F}", "x東y 東京 z", "ok 👍🏽 ok",
    "a\u{200D}b", "e\u{301}\u{302}", "caf\u{E9} au lait", "", " ", "Z",
  ]

  /// Measuring ASCII byte by byte gives what measuring grapheme by grapheme gives.
  @Test(arguments: mixedTexts)
  func theAsciiPathMeasuresWhatTheGraphemePathMeasures(text: String) {
    #expect(DisplayWidth.of(text) == text.reduce(0) { $0 + DisplayWidth.of($1) }, "\(text.debugDescription)")
    #expect(DisplayWidth.of(text.dropFirst()) == text.dropFirst().reduce(0) { $0 + DisplayWidth.of($1) })
  }

  /// Every wrapped row, whichever path read its characters, says truly where it starts, how many
  /// graphemes it holds and how wide it is.
  @Test(arguments: mixedTexts)
  func wrappedRowsCountGraphemesAndColumnsTruly(text: String) {
    for width in [1, 2, 3, 5, 8, 80] {
      for row in LineWrapper.wrap(text, width: width) {
        let slice = text[row.start..<row.end]
        #expect(slice.count == row.graphemeCount, "\(text.debugDescription) at \(width)")
        #expect(DisplayWidth.of(slice) == row.width, "\(text.debugDescription) at \(width)")
        #expect(text[..<row.start].count == row.startOffset, "\(text.debugDescription) at \(width)")
        #expect(row.width <= width || row.graphemeCount == 1, "\(text.debugDescription) at \(width)")
      }
    }
  }

  @Test func asciiCellsAreOneScalarWithNothingStored() {
    var grid = CellGrid(width: 4, height: 1)
    grid.write("aé👍🏽", x: 0, y: 0, role: .answer)
    #expect(grid[0, 0].isPlainASCII)
    #expect(!grid[1, 0].isPlainASCII)
    #expect(!grid[2, 0].isPlainASCII)
  }
}
