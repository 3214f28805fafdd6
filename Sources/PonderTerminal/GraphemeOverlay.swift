import PonderCore
import PonderScreen

/// Shows whole the grapheme clusters an ncurses cell cannot hold — an emoji with a skin tone
/// (👍🏽), a zero-width-joiner sequence (👩‍💻), an emoji variation selector (❤️), a character
/// newer than the C library — by writing them straight to the terminal over the placeholder
/// curses drew (see ``CellText``).
///
/// For each such cell: an absolute cursor move, the role's rendition and the cluster. Then the
/// cells after it that a terminal measuring character by character (tmux, xterm) would cover
/// are written again at their own positions: such a terminal may hide the tail of the cluster,
/// but the rest of the line stays where the grid says. Auto-wrap is off meanwhile so nothing
/// spills onto the next row; the rendition is reset and the cursor put back where curses
/// believes it is, so curses' picture of the terminal stays true.
struct GraphemeOverlay {
  /// Cells written over, as (x, y), in the order they were drawn.
  private(set) var positions: [(x: Int, y: Int)] = []

  var isEmpty: Bool { positions.isEmpty }

  mutating func add(x: Int, y: Int) { positions.append((x, y)) }

  mutating func removeAll() { positions.removeAll(keepingCapacity: true) }

  /// The bytes to write after curses' update, or nil when there is nothing to overlay.
  func sequence(
    for grid: CellGrid, cellText: inout CellText, cursor: (x: Int, y: Int), rendition: (StyleRole) -> String
  ) -> String? {
    guard !positions.isEmpty else { return nil }
    var out = "\u{1B}[?7l"
    for position in positions where position.y < grid.height && position.x < grid.width {
      let cell = grid[position.x, position.y]
      Self.write(cell, of: grid, x: position.x, y: position.y, into: &out, cellText: &cellText, rendition: rendition)
      let covered = cellText.characterByCharacterWidth(of: cell, in: grid) - Int(cell.width)
      var column = position.x + Int(cell.width)
      let end = min(grid.width, column + max(0, covered))
      while column < end {
        let next = grid[column, position.y]
        if next.width != 0 {
          Self.write(next, of: grid, x: column, y: position.y, into: &out, cellText: &cellText, rendition: rendition)
        }
        column += max(1, Int(next.width))
      }
    }
    out += "\u{1B}[0m\u{1B}[?7h\u{1B}[\(cursor.y + 1);\(cursor.x + 1)H"
    return out
  }

  private static func write(
    _ cell: Cell, of grid: CellGrid, x: Int, y: Int, into out: inout String, cellText: inout CellText,
    rendition: (StyleRole) -> String
  ) {
    out += "\u{1B}[\(y + 1);\(x + 1)H"
    out += rendition(cell.role)
    var text = String.UnicodeScalarView()
    if cellText.needsOverlay(cell, in: grid) {
      text.append(contentsOf: grid.scalars(of: cell).filter { !TerminalText.isUnsafe($0) })
    } else {
      let drawn = cellText.scalars(for: cell, in: grid)
      for value in drawn.scalars + (drawn.next.map { [$0] } ?? []) {
        if let scalar = Unicode.Scalar(value) { text.append(scalar) }
      }
    }
    out += String(text)
  }
}
