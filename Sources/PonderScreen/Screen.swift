/// Renders the whole app state into a grid: the one function the terminal and the tests share.
public enum Screen {
  /// The notice shown instead of the panes below the minimum size, word-wrapped and centred so
  /// it can be read whole at any size that has room for it (only ^Q, ^C, ^Z and ^L act then).
  static func renderTooSmall(_ state: AppState, into grid: inout CellGrid) {
    let message =
      "Ponder needs at least \(ScreenLayout.minimumWidth)×\(ScreenLayout.minimumHeight) (now \(state.width)×\(state.height))."
      + " Enlarge the window, or ^Q to quit."
    let rows = LineWrapper.wrap(message, width: grid.width)
    let top = max(0, (grid.height - rows.count) / 2)
    for (index, row) in rows.enumerated() where top + index < grid.height {
      let text = message[row.start..<row.end]
      grid.write(text, x: max(0, (grid.width - row.width) / 2), y: top + index, role: .notice)
    }
  }

  public static func render(_ state: AppState, into grid: inout CellGrid) {
    grid.cursor = nil
    grid.cursorKind = .input
    grid.fill(grid.bounds)
    let layout = state.layout
    if layout.tooSmall {
      renderTooSmall(state, into: &grid)
      return
    }
    if let pane = layout.zoomed, let area = layout.frame(of: pane) {
      renderPane(pane, state: state, frame: area, titled: true, into: &grid)
      FooterBar.render(state, in: layout.footer, into: &grid)
      if let overlay = state.overlay { OverlayView.render(overlay, state: state, into: &grid) }
      return
    }
    HeaderBar.render(state, in: layout.header, into: &grid)
    if let area = layout.log {
      renderPane(.log, state: state, frame: area, titled: true, into: &grid)
    }
    if let area = layout.reasoning {
      renderPane(.reasoning, state: state, frame: area, titled: !layout.reasoningCompact, into: &grid)
    }
    StatusBar.render(state, in: layout.status, into: &grid)
    renderPane(.answer, state: state, frame: layout.answer, titled: true, into: &grid)
    if let separator = layout.separator { grid.fill(separator, role: .border, with: "─") }
    InputView.render(state, rows: layout.inputRows, in: layout.input, into: &grid)
    FooterBar.render(state, in: layout.footer, into: &grid)
    if let overlay = state.overlay { OverlayView.render(overlay, state: state, into: &grid) }
  }

  /// The terminal cursor marks the end of a streaming text unless the input, the search field or
  /// a box needs it (or would have it drawn over them); then a drawn `▊` does, blinking.
  static func streamCaret(for state: AppState) -> DocumentView.Caret? {
    let cursorIsTaken =
      state.search != nil || state.overlay != nil || (state.focus == .input && !state.input.isEmpty)
    guard cursorIsTaken else { return .terminalCursor }
    return state.blinkOn ? .glyph : nil
  }

  static func renderPane(_ pane: Pane, state: AppState, frame: Rect, titled: Bool, into grid: inout CellGrid) {
    guard let document = state.document(for: pane) else { return }
    let content = titled ? frame.splitTop(1).rest : frame
    let top = state.topRow(of: pane, in: content)
    if titled {
      let following = state.scroll[pane]?.follow ?? true
      let below = document.totalRows(width: content.width) - top - content.height
      let note = following ? nil : (below > 0 ? "↓ \(below) more · End follows" : "scroll lock · End follows")
      let title = state.zoomed == pane ? "\(pane.title) · zoomed (F6 back)" : pane.title
      TitleBar.render(title, focused: state.focus == pane, note: note, in: frame.row(0), into: &grid)
    }
    var view = DocumentView(document: document, top: top)
    if let turn = state.turn, !turn.paused {
      let streamingHere =
        (pane == .reasoning && turn.phase != .answering) || (pane == .answer && turn.phase == .answering)
      if streamingHere { view.caret = streamCaret(for: state) }
    }
    if pane == .reasoning, let search = state.search {
      view.matches = search.matches
      view.currentMatch = search.current
    }
    view.render(in: content, into: &grid)
  }
}
