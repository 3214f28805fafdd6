import CNCurses
import PonderScreen

extension CursesTerminal {
  /// Writes what changed since `previous`, places the cursor and updates the screen once.
  ///
  /// `previous` must be the grid last presented (nil after ``forceRedraw()`` or at start). A
  /// grid of a different size than `previous` repaints everything. Clusters curses cannot hold
  /// are written whole over their placeholders just after (``GraphemeOverlay``).
  public func present(_ grid: CellGrid, previous: CellGrid?) {
    guard active else { return }
    let screen = ponder_stdscr()
    if let previous, previous.width != grid.width || previous.height != grid.height { clearok(screen, true) }
    overlay.removeAll()
    for change in grid.changes(since: previous) { write(change, of: grid) }
    placeCursor(grid.cursor)
    wnoutrefresh(screen)
    doupdate()
    shapeCursor(as: grid.cursor == nil ? nil : grid.cursorKind)
    guard !overlay.isEmpty else { return }
    let cursor = (x: Int(ponder_physical_cursor_x()), y: Int(ponder_physical_cursor_y()))
    if let sequence = overlay.sequence(
      for: grid, cellText: &cellText, cursor: cursor, rendition: { colors.rendition(for: $0) })
    {
      writeRaw(sequence)
    }
  }

  private func write(_ change: CellGrid.Change, of grid: CellGrid) {
    let y = Int32(change.y)
    var x = Int32(change.x)
    for cell in change.cells {
      defer { x += 1 }
      // The continuation half of a wide character: ncurses fills it when the character is written.
      if cell.width == 0 { continue }
      let style = attributes(for: cell.role)
      if !cell.isPlainASCII, cellText.needsOverlay(cell, in: grid) { overlay.add(x: Int(x), y: change.y) }
      // Writing the bottom-right cell returns ERR (the cursor cannot advance); the cell is still drawn.
      cellText.withText(for: cell, in: grid) { text, next in
        _ = ponder_put_cell(y, x, text, style.attributes, style.pair)
        if let next {
          let second: [wchar_t] = [next, 0]
          _ = ponder_put_cell(y, x + 1, second, style.attributes, style.pair)
        }
      }
    }
  }
}
