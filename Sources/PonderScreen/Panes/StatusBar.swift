import PonderCore

/// The line under the Reasoning pane: phase, tokens, elapsed time, live tok/s and time to first
/// token while streaming; the server's own figures once the turn has ended.
///
/// Live figures are sampled at ticks (`AppState.tick`: every two seconds while text flows, every
/// second otherwise), so they are shown in whole units (`12 s`, `48 tok/s`): a tenth that jitters
/// with the sampling is noise to read and bytes to write. The final figures keep their tenths.
public enum StatusBar {
  public static func text(for state: AppState) -> (String, StyleRole) {
    if let turn = state.turn {
      let shown = turn.shown
      var parts: [String] = []
      let role: StyleRole
      if turn.paused {
        parts.append("⏸ PAUSED")
        parts.append("backlog \(ByteSize.text(shown.backlogBytes))")
        role = .statusPaused  // amber, like PAUSED: a warning, not a success
      } else {
        role = .statusBar
        switch shown.phase {
        case .waiting where shown.timeToFirstToken == nil && shown.elapsed >= StatusSample.longSilence:
          parts.append("◌ waiting for the server (loading the model?)")
        case .waiting: parts.append("◌ waiting for \(turn.model)")
        case .thinking: parts.append("● thinking")
        case .answering: parts.append("● answering")
        }
      }
      if shown.phase != .waiting { parts.append("\(shown.tokens) tok") }
      parts.append("\(shown.elapsed.components.seconds) s")
      if !turn.paused, let rate = shown.phaseRate { parts.append("\(Int(rate.rounded())) tok/s") }
      if let ttft = shown.timeToFirstToken { parts.append("first token \(ttft.milliseconds) ms") }
      if shown.phase != .waiting, !turn.paused, shown.quietFor >= StatusSample.longSilence {
        parts.append("no data for \(shown.quietFor.components.seconds) s")
      }
      if turn.cancelRequested { parts.append("cancelling…") }
      return (" " + parts.joined(separator: " · "), role)
    }
    let saving =
      (state.savingProblem == nil ? "" : " · not saving")
      + (SetupProblem.summary(of: state.setupProblems).map { " · " + $0 } ?? "")
    guard let last = state.lastTurn else {
      return (" ready · \(state.model ?? "no model chosen (F4)")" + saving, .statusBar)
    }
    var parts: [String] = []
    var role = StyleRole.statusBar
    switch last.outcome {
    case .done(let reason): parts.append("✓ done (\(reason))")
    case .cutOff(let reason):
      parts.append("⚠ \(MessageStatus.cutOff.label) (\(reason))")
      role = .statusPaused  // amber, like PAUSED: a warning, not a success
    case .cancelled: parts.append("⏹ cancelled")
    case .failed: parts.append("✗ failed")
    }
    parts.append("\(last.tokens) tok")
    if let rate = last.tokensPerSecond {
      parts.append("\(String(format1: rate)) tok/s" + (last.rateFromServer ? " (server)" : ""))
    }
    if let ttft = last.timeToFirstToken { parts.append("first token \(ttft.milliseconds) ms") }
    parts.append("\(String(format1: last.elapsed.seconds)) s")
    return (" " + parts.joined(separator: " · ") + saving, role)
  }

  public static func render(_ state: AppState, in area: Rect, into grid: inout CellGrid) {
    let (text, role) = text(for: state)
    grid.fill(area, role: role)
    let end = grid.write(text, x: area.x, y: area.y, maxX: area.maxX, role: role)
    // The context gauge sits at the right end when there is room; amber from 80 %.
    if let usage = state.turn.map({ $0.context }) ?? state.contextUsage {
      let gauge = " \(usage.label) "
      let start = area.maxX - DisplayWidth.of(gauge)
      if start >= end + 1 {
        grid.write(gauge, x: start, y: area.y, maxX: area.maxX, role: usage.isNearlyFull ? .statusPaused : role)
      }
    }
  }

}
