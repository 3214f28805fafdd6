#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

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
    guard let previous, previous.width == width, previous.height == height, !cells.isEmpty else {
      return (0..<height).map { Change(x: 0, y: $0, cells: cells[($0 * width)..<(($0 + 1) * width)]) }
    }
    var changes: [Change] = []
    let columns = width
    cells.withUnsafeBufferPointer { now in
      previous.cells.withUnsafeBufferPointer { before in
        // Cells holding a long grapheme are compared by their text, which each grid numbers on its own.
        func same(_ index: Int) -> Bool {
          let cell = now[index]
          let old = before[index]
          if cell.extra1 & Cell.longFlag != 0 || old.extra1 & Cell.longFlag != 0 {
            return showsSame(at: index, as: previous)
          }
          return cell.base == old.base && cell.extra1 == old.extra1 && cell.extra2 == old.extra2
            && cell.width == old.width && cell.role == old.role
        }
        // With no long grapheme in either grid a cell is its bytes (it has no padding), so an
        // unchanged row — most of them in a frame — is one `memcmp`.
        let plain = longGraphemes.isEmpty && previous.longGraphemes.isEmpty
        let rowBytes = columns * MemoryLayout<Cell>.stride
        for row in 0..<height {
          let base = row * columns
          if plain, memcmp(now.baseAddress! + base, before.baseAddress! + base, rowBytes) == 0 { continue }
          var column = 0
          while column < columns {
            guard !same(base + column) else {
              column += 1
              continue
            }
            var start = column
            if start > 0, now[base + start].width == 0 { start -= 1 }
            var end = column + 1
            while end < columns, !same(base + end) || now[base + end].width == 0 { end += 1 }
            changes.append(Change(x: start, y: row, cells: cells[(base + start)..<(base + end)]))
            column = end
          }
        }
      }
    }
    return changes
  }
}
