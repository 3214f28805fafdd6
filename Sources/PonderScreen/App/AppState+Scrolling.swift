extension AppState {
  /// The first row on screen for a pane, honouring follow mode and clamping to the content.
  public func topRow(of pane: Pane, in area: Rect) -> Int {
    guard let document = document(for: pane), area.width > 0 else { return 0 }
    let total = document.totalRows(width: area.width)
    let maxTop = max(0, total - area.height)
    let state = scroll[pane] ?? ScrollState()
    if state.follow { return maxTop }
    let anchor =
      document.firstRow(ofLine: min(state.anchorLine, max(0, document.lines.count - 1)), width: area.width)
      + state.anchorRowInLine
    return min(max(0, anchor), maxTop)
  }

  /// Scrolls a pane by `rows` (negative is up). Scrolling to the bottom resumes following.
  mutating func scroll(_ pane: Pane, by rows: Int) {
    guard let area = layout.content(of: pane), let document = document(for: pane), area.width > 0 else { return }
    let total = document.totalRows(width: area.width)
    let maxTop = max(0, total - area.height)
    let target = min(max(0, topRow(of: pane, in: area) + rows), maxTop)
    setTop(pane, target, maxTop: maxTop, area: area)
  }

  mutating func scrollToTop(_ pane: Pane) {
    guard let area = layout.content(of: pane), let document = document(for: pane) else { return }
    setTop(pane, 0, maxTop: max(0, document.totalRows(width: area.width) - area.height), area: area)
  }

  mutating func scrollToBottom(_ pane: Pane) {
    scroll[pane] = ScrollState()
  }

  /// Makes row `row` of a pane visible (for search), without following.
  mutating func reveal(_ pane: Pane, row: Int) {
    guard let area = layout.content(of: pane), let document = document(for: pane) else { return }
    let maxTop = max(0, document.totalRows(width: area.width) - area.height)
    let top = topRow(of: pane, in: area)
    guard row < top || row >= top + area.height else { return }
    setTop(pane, min(max(0, row - area.height / 2), maxTop), maxTop: maxTop, area: area, keepFollow: false)
  }

  private mutating func setTop(_ pane: Pane, _ top: Int, maxTop: Int, area: Rect, keepFollow: Bool = true) {
    guard let document = document(for: pane) else { return }
    var state = ScrollState()
    if top >= maxTop, keepFollow {
      scroll[pane] = state
      return
    }
    let (line, rowInLine) = document.locate(row: top, width: area.width)
    state.follow = false
    state.anchorLine = line
    state.anchorRowInLine = rowInLine
    scroll[pane] = state
  }

  /// Rows a page scroll moves: the pane's height less one row of context.
  func pageRows(_ pane: Pane) -> Int { max(1, (layout.content(of: pane)?.height ?? 2) - 1) }
}
