extension AppState {
  /// Ctrl-C: cancels a streaming response; else clears a draft (into the history, so ↑ brings it
  /// back); else, on an empty input, quits on the second press (see ``QuitGuard``).
  mutating func interrupt() -> [Effect] {
    if turn != nil { return cancelTurn() }
    if !input.isEmpty {
      input.clearIntoHistory()
      appendLog(.info, "input cleared; ↑ brings it back")
      return []
    }
    switch quitGuard.press(at: now.monotonic) {
    case .arm:
      appendLog(.info, "Ctrl-C again to quit")
      return []
    case .quit:
      return requestQuit()
    case .ignore:
      return []
    }
  }
}
