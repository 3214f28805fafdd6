extension CellGrid {
  /// A run of changed cells on one row, ready for the terminal adapter to write.
  public struct Change: Sendable, Equatable {
    public var x: Int
    public var y: Int
    public var cells: ArraySlice<Cell>
  }

  /// The cells that differ from `previous`, as runs per row; everything if sizes differ.
  ///
  /// Runs are extended over a wide grapheme's continuation cell so a wide character is always
  /// written whole.
  public func changes(since previous: CellGrid?) -> [Change] {
    guard let previous, previous.width == width, previous.height == height else {
      return (0..<height).map { Change(x: 0, y: $0, cells: cells[($0 * width)..<(($0 + 1) * width)]) }
    }
    var changes: [Change] = []
    for row in 0..<height {
      let base = row * width
      var column = 0
      while column < width {
        guard !showsSame(at: base + column, as: previous) else {
          column += 1
          continue
        }
        var start = column
        if start > 0, cells[base + start].width == 0 { start -= 1 }
        var end = column + 1
        while end < width, !showsSame(at: base + end, as: previous) || cells[base + end].width == 0 { end += 1 }
        changes.append(Change(x: start, y: row, cells: cells[(base + start)..<(base + end)]))
        column = end
      }
    }
    return changes
  }
}
