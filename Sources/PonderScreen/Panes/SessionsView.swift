import PonderCore

/// The sessions screen (F5): a large box listing saved conversations — title, model, how many
/// messages, when — with the filter on top and, for a search, each match's passage highlighted.
public enum SessionsView {
  public static func render(_ browser: SessionsBrowser, current: Int64?, into grid: inout CellGrid) {
    let width = min(grid.width - 2, 110)
    let height = max(5, grid.height - 2)
    guard width >= 20 else { return }
    let area = Rect(x: (grid.width - width) / 2, y: max(0, (grid.height - height) / 2), width: width, height: height)
    OverlayView.frame(area, title: "Conversations (\(browser.results.count))", footer: footer(browser), into: &grid)
    let left = area.x + 2
    let right = area.maxX - 2
    var y = area.y + 1
    // The filter line, or the rename / delete prompt.
    switch browser.mode {
    case .renaming(let title):
      let end = grid.write("Title: ", x: left, y: y, maxX: right, role: .overlayTitle)
      let caret = grid.write(Sanitizer.clean(String(title)), x: end, y: y, maxX: right - 1, role: .overlay)
      grid.write("▏", x: caret, y: y, maxX: right, role: .overlayTitle)
    case .confirmingDelete:
      let title = browser.selection.map { Sanitizer.clean($0.title) } ?? ""
      grid.write(
        "Delete “\(title)” and all its messages? y deletes · any other key keeps it", x: left, y: y, maxX: right,
        role: .error)
    case .browsing:
      let end = grid.write("Search: ", x: left, y: y, maxX: right, role: .overlayTitle)
      let caret = grid.write(Sanitizer.clean(browser.queryText), x: end, y: y, maxX: right - 1, role: .overlay)
      grid.write("▏", x: caret, y: y, maxX: right, role: .overlayTitle)
    }
    y += 2
    let bottom = area.maxY - 1
    if let problem = browser.problem {
      grid.write(Sanitizer.clean(problem), x: left, y: y, maxX: right, role: .error)
      return
    }
    if browser.results.isEmpty {
      let text = browser.loading ? "reading…" : browser.query.isEmpty ? "no saved conversations yet" : "nothing matches"
      grid.write(text, x: left, y: y, maxX: right, role: .dim)
      return
    }
    let rowsPerEntry = browser.query.isEmpty ? 1 : 2
    let visible = max(1, (bottom - y) / rowsPerEntry)
    let first = max(0, min(browser.selected - visible + 1, browser.results.count - visible))
    for index in first..<min(browser.results.count, first + visible) {
      let entry = browser.results[index]
      let selected = index == browser.selected
      let role: StyleRole = selected ? .overlaySelected : .overlay
      if selected { grid.fill(Rect(x: area.x + 1, y: y, width: width - 2, height: rowsPerEntry), role: role) }
      let facts = "\(entry.model) · \(entry.messageCount) msg · \(CalendarTime.ago(entry.updatedAt, now: browser.now))"
      let factsWidth = min(DisplayWidth.of(facts), max(0, right - left - 12))
      let marker = entry.id == current ? "●" : " "
      var x = grid.write("\(marker)\(entry.id)", x: left, y: y, maxX: right, role: selected ? role : .overlayTitle)
      x = max(x + 1, left + 6)
      grid.write(Sanitizer.clean(entry.title), x: x, y: y, maxX: right - factsWidth - 2, role: role)
      grid.write(facts, x: right - factsWidth, y: y, maxX: right, role: selected ? role : .dim)
      if rowsPerEntry == 2 {
        var column = left + 6
        for run in ConversationSummary.Snippet.runs(entry.snippet ?? "") {
          column = grid.write(
            Sanitizer.clean(run.text), x: column, y: y + 1, maxX: right,
            role: run.isMatch ? .searchMatch : selected ? role : .dim)
        }
      }
      y += rowsPerEntry
    }
  }

  static func footer(_ browser: SessionsBrowser) -> String {
    switch browser.mode {
    case .renaming: return "Enter saves · Esc cancels"
    case .confirmingDelete: return "y deletes · any other key cancels"
    case .browsing: return "type to search · ↑↓ move · Enter open · ^R rename · Del delete · Esc close"
    }
  }
}
