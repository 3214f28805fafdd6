/// The top line: app, model, server and connection state.
public enum HeaderBar {
  public static func render(_ state: AppState, in area: Rect, into grid: inout CellGrid) {
    grid.fill(area, role: .header)
    var x = grid.write(" ponder ", x: area.x, y: area.y, maxX: area.maxX, role: .headerAccent)
    x = grid.write("· \(state.model ?? "no model") · \(state.hostLabel)", x: x, y: area.y, maxX: area.maxX, role: .header)
    let connection = " ● \(state.connectionLabel) "
    let start = area.maxX - DisplayWidth.of(connection)
    if start > x + 1 { grid.write(connection, x: start, y: area.y, maxX: area.maxX, role: .headerAccent) }
    // A theme or config problem stays in sight (it also went to the Log) until Esc.
    if let problem = state.setupProblems.first?.headline {
      grid.write(" ⚠ \(problem)", x: x, y: area.y, maxX: start > x + 1 ? start : area.maxX, role: .logError)
    }
  }
}

/// The bottom line: the main keys, as many as fit. A narrow line drops the least important
/// hints first and always keeps F1 (help) and the quit key.
public enum FooterBar {
  /// A key, what it does, and how readily it is dropped (higher goes first; 0 never).
  struct Hint: Equatable {
    var key: String
    var label: String
    var rank: Int
    var width: Int { DisplayWidth.of(key) + DisplayWidth.of(label) + 3 }
  }

  static func hints(zoomed: Bool) -> [Hint] {
    [
      Hint(key: "Enter", label: "send", rank: 2), Hint(key: "^C", label: "cancel", rank: 3),
      Hint(key: "^P", label: "pause", rank: 5), Hint(key: "^Y", label: "copy", rank: 6),
      Hint(key: "Tab", label: "focus", rank: 7), Hint(key: "^F", label: "search", rank: 9),
      Hint(key: "F2/F3", label: "panes", rank: 10), Hint(key: "F4", label: "model", rank: 8),
      Hint(key: "F6", label: zoomed ? "unzoom" : "zoom", rank: zoomed ? 1 : 4),
      Hint(key: "F1", label: "help", rank: 0), Hint(key: "^Q", label: "quit", rank: 0),
    ]
  }

  /// The hints that fit in `width` columns, in their order.
  static func fitting(width: Int, zoomed: Bool) -> [Hint] {
    var shown = hints(zoomed: zoomed)
    while shown.reduce(1, { $0 + $1.width }) > width + 2, let drop = shown.indices.max(by: { shown[$0].rank < shown[$1].rank }),
      shown[drop].rank > 0
    {
      shown.remove(at: drop)
    }
    return shown
  }

  public static func render(_ state: AppState, in area: Rect, into grid: inout CellGrid) {
    grid.fill(area, role: .footer)
    var x = area.x + 1
    for hint in fitting(width: area.width, zoomed: state.zoomed != nil) {
      x = grid.write(hint.key, x: x, y: area.y, maxX: area.maxX, role: .footerKey)
      x = grid.write(" \(hint.label)  ", x: x, y: area.y, maxX: area.maxX, role: .footer)
    }
  }
}

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
      let hint = state.turn != nil ? "streaming… ^C cancels, ^P pauses" : "Ask something (Enter sends, Alt-Enter or ^J adds a line, F1 help)"
      grid.write(hint, x: textX, y: area.y, maxX: area.maxX, role: .inputPlaceholder)
      // While a response streams into an empty input the caret stays hidden: the terminal cursor
      // would otherwise jump between the text and the input on every frame.
      if state.focus == .input, state.overlay == nil, state.turn == nil { grid.cursor = (textX, area.y) }
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
        grid.cursor = (min(area.maxX - 1, textX + wrapped.caretColumn), y)
      }
    }
  }

  static func renderSearch(_ search: SearchState, in area: Rect, into grid: inout CellGrid) {
    var x = grid.write("search reasoning: ", x: area.x, y: area.y, maxX: area.maxX, role: .inputPrompt)
    x = grid.write(search.queryText, x: x, y: area.y, maxX: area.maxX, role: .input)
    grid.cursor = (min(x, area.maxX - 1), area.y)
    let count = search.matches.isEmpty
      ? (search.query.isEmpty ? "" : "no matches")
      : "\((search.current ?? 0) + 1)/\(search.matches.count)"
    grid.write("  \(count)  Enter/↓ next · ↑ previous · Esc close", x: x, y: area.y, maxX: area.maxX, role: .dim)
  }
}
