/// The top line: app, model, server and connection state.
public enum HeaderBar {
  public static func render(_ state: AppState, in area: Rect, into grid: inout CellGrid) {
    grid.fill(area, role: .header)
    var x = grid.write(" ponder ", x: area.x, y: area.y, maxX: area.maxX, role: .headerAccent)
    x = grid.write("· \(state.model ?? "no model") · \(state.hostLabel)", x: x, y: area.y, maxX: area.maxX, role: .header)
    let connection = " ● \(state.connectionLabel) "
    let start = area.maxX - DisplayWidth.of(connection)
    if start > x + 1 { grid.write(connection, x: start, y: area.y, maxX: area.maxX, role: .headerAccent) }
  }
}

/// The bottom line: the main keys, as many as fit.
public enum FooterBar {
  static let hints: [(String, String)] = [
    ("Enter", "send"), ("^C", "cancel"), ("^P", "pause"), ("^Y", "copy"), ("Tab", "focus"), ("^F", "search"),
    ("F2/F3", "panes"), ("F4", "model"), ("F1", "help"), ("^Q", "quit"),
  ]

  public static func render(_ state: AppState, in area: Rect, into grid: inout CellGrid) {
    grid.fill(area, role: .footer)
    var x = area.x + 1
    for (key, label) in hints {
      let needed = DisplayWidth.of(key) + DisplayWidth.of(label) + 3
      guard x + needed <= area.maxX else { break }
      x = grid.write(key, x: x, y: area.y, maxX: area.maxX, role: .footerKey)
      x = grid.write(" \(label)  ", x: x, y: area.y, maxX: area.maxX, role: .footer)
    }
  }
}

/// The input line (or lines), or the search bar while searching; places the terminal caret.
public enum InputView {
  public static let prompt = "› "

  public static func render(_ state: AppState, in area: Rect, into grid: inout CellGrid) {
    grid.fill(area)
    guard !area.isEmpty else { return }
    if let search = state.search {
      renderSearch(search, in: area, into: &grid)
      return
    }
    let promptRole: StyleRole = state.focus == .input ? .inputPrompt : .dim
    let textX = grid.write(prompt, x: area.x, y: area.y, maxX: area.maxX, role: promptRole)
    let available = max(1, area.maxX - textX - 1)
    if state.input.isEmpty {
      let hint = state.turn != nil ? "streaming… ^C cancels, ^P pauses" : "Ask something (Enter sends, Alt-Enter or ^J adds a line, F1 help)"
      grid.write(hint, x: textX, y: area.y, maxX: area.maxX, role: .inputPlaceholder)
      // While a response streams into an empty input the caret stays hidden: the terminal cursor
      // would otherwise jump between the text and the input on every frame.
      if state.focus == .input, state.overlay == nil, state.turn == nil { grid.cursor = (textX, area.y) }
      return
    }
    let lines = state.input.string.split(separator: "\n", omittingEmptySubsequences: false)
    let caret = state.input.caretPosition
    let firstVisible = max(0, min(caret.line - area.height + 1, lines.count - area.height))
    for (row, lineIndex) in (firstVisible..<min(lines.count, firstVisible + area.height)).enumerated() {
      let y = area.y + row
      if row > 0 { grid.write("  ", x: area.x, y: y, role: .dim) }
      let line = lines[lineIndex]
      let caretWidth = lineIndex == caret.line ? DisplayWidth.of(line.prefix(caret.column)) : 0
      let shift = max(0, caretWidth - available)
      var skipped = 0
      var visible = Substring()
      var index = line.startIndex
      while index < line.endIndex, skipped < shift {
        skipped += DisplayWidth.of(line[index])
        index = line.index(after: index)
      }
      visible = line[index...]
      grid.write(visible, x: textX, y: y, maxX: area.maxX, role: .input)
      if lineIndex == caret.line, state.focus == .input, state.overlay == nil {
        grid.cursor = (min(area.maxX - 1, textX + caretWidth - skipped), y)
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
