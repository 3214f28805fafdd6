extension AppState {
  /// The zoom key: F6 or Ctrl-G.
  static let zoomKeys: [KeyPress] = [.function(6), .control("g")]

  /// Zooms the focused pane to the whole screen, or back. From the input the Answer is zoomed
  /// (and focused); a zoomed pane always has the focus.
  mutating func toggleZoom() {
    if zoomed != nil {
      zoomed = nil
      return
    }
    let pane = focus == .input ? Pane.answer : focus
    zoomed = pane
    focus = pane
    if pane == .log { showLog = true }
    if pane == .reasoning { showReasoning = true }
  }

  /// Keeps zoom and focus together: focus on another pane moves the zoom there, focus on the
  /// input (or a hidden pane) ends it.
  mutating func followFocusWithZoom() {
    guard let pane = zoomed, pane != focus else { return }
    let hidden = (focus == .log && !showLog) || (focus == .reasoning && !showReasoning)
    zoomed = focus == .input || hidden ? nil : focus
  }
}
