/// The input line (or lines), or the search bar while searching; places the terminal caret.
public enum InputView {
  public static let prompt = "› "

  /// Draws the input in `area`; `rows` is the input already wrapped for the layout, if it was.
  public static func render(_ state: AppState, rows: InputRows? = nil, in area: Rect, into grid: inout CellGrid) {
    grid.fill(area)
    guard !area.isEmpty else { return }
    if let search = state.search {
      renderSearch(search, in: area, into: &grid)
      return
    }
    let promptRole: StyleRole = state.focus == .input ? .inputPrompt : .dim
    let textX = grid.write(prompt, x: area.x, y: area.y, maxX: area.maxX, role: promptRole)
    let available = InputRows.textWidth(screenWidth: area.width)
    if state.input.isEmpty {
      let hint =
        state.turn != nil
        ? "streaming… ^C cancels, ^P pauses" : "Ask something (Enter sends, Alt-Enter or ^J adds a line, F1 help)"
      grid.write(hint, x: textX, y: area.y, maxX: area.maxX, role: .inputPlaceholder)
      // While a response streams into an empty input the caret stays hidden: the terminal cursor
      // would otherwise jump between the text and the input on every frame.
      if state.focus == .input, state.overlay == nil, state.turn == nil { place(at: (textX, area.y), into: &grid) }
      return
    }
    // A long line wraps onto the next rows; the rows shown always include the caret's.
    let wrapped = rows ?? InputRows(state.input, width: available)
    let firstVisible = max(0, min(wrapped.caretRow - area.height + 1, wrapped.count - area.height))
    for (offset, rowIndex) in (firstVisible..<min(wrapped.count, firstVisible + area.height)).enumerated() {
      let y = area.y + offset
      if offset > 0 { grid.write("  ", x: area.x, y: y, role: .dim) }
      grid.write(wrapped.row(rowIndex), x: textX, y: y, maxX: area.maxX, role: .input)
      if rowIndex == wrapped.caretRow, state.focus == .input, state.overlay == nil {
        place(at: (min(area.maxX - 1, textX + wrapped.caretColumn), y), into: &grid)
      }
    }
  }

  /// The input's caret takes the terminal cursor, in the user's own cursor shape.
  static func place(at position: (x: Int, y: Int), into grid: inout CellGrid) {
    grid.cursor = position
    grid.cursorKind = .input
  }

  static func renderSearch(_ search: SearchState, in area: Rect, into grid: inout CellGrid) {
    var x = grid.write("search reasoning: ", x: area.x, y: area.y, maxX: area.maxX, role: .inputPrompt)
    x = grid.write(search.queryText, x: x, y: area.y, maxX: area.maxX, role: .input)
    place(at: (min(x, area.maxX - 1), area.y), into: &grid)
    let count =
      search.matches.isEmpty
      ? (search.query.isEmpty ? "" : "no matches")
      : "\((search.current ?? 0) + 1)/\(search.matches.count)"
    grid.write("  \(count)  Enter/↓ next · ↑ previous · Esc close", x: x, y: area.y, maxX: area.maxX, role: .dim)
  }
}
