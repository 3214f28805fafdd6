/// Renders the whole app state into a grid: the one function the terminal and the tests share.
public enum Screen {
  public static func render(_ state: AppState, into grid: inout CellGrid) {
    grid.cursor = nil
    grid.fill(grid.bounds)
    let layout = state.layout
    if layout.tooSmall {
      let message = "Ponder needs at least \(ScreenLayout.minimumWidth)×\(ScreenLayout.minimumHeight) (now \(state.width)×\(state.height))"
      grid.write(message, x: max(0, (grid.width - DisplayWidth.of(message)) / 2), y: grid.height / 2, role: .notice)
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
    InputView.render(state, in: layout.input, into: &grid)
    FooterBar.render(state, in: layout.footer, into: &grid)
    if let overlay = state.overlay { OverlayView.render(overlay, state: state, into: &grid) }
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
      let streamingHere = (pane == .reasoning && turn.phase != .answering) || (pane == .answer && turn.phase == .answering)
      view.showCursor = streamingHere && state.blinkOn
    }
    if pane == .reasoning, let search = state.search {
      view.matches = search.matches
      view.currentMatch = search.current
    }
    view.render(in: content, into: &grid)
  }
}
