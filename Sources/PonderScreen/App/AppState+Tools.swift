import PonderCore

extension AppState {
  /// One step of tool work in the running turn: a Log line for each, a short line in the Answer
  /// pane for each call and result (so the conversation shows what the model did), and the
  /// turn's outcome at its end.
  mutating func applyTool(_ event: ToolTurnEvent, to current: inout TurnState) {
    switch event {
    case .stream:
      break  // Text travels as the batch's events.
    case .toolCall(let call):
      current.toolCalls.append(call)
      appendLog(.tool, "call " + (ToolEventText.line(for: event) ?? call.name))
      answer.closeLine()
      answer.appendLine("⚙ \(call.name) \(ToolEventText.arguments(call, limit: 60))", kind: .plain(.dim), role: .dim)
      answer.reserveCursorCell = false
    case .approval, .toolStarted:
      if let line = ToolEventText.line(for: event) { appendLog(.tool, line) }
    case .toolFinished(let result):
      if let line = ToolEventText.line(for: event) { appendLog(result.status == .ok ? .result : .error, line) }
      let size = ByteSize.text(result.byteCount)
      answer.appendLine("  ↳ \(result.status.rawValue) · \(size)", kind: .plain(.dim), role: .dim)
    case .responseDone(let step, let stats):
      // One response of several ended (the model asked for tools); the next streams after the results.
      // The last response's end is logged as the turn's; only one that asked for tools gets a line.
      let asked = current.toolCalls.count - current.callsBeforeResponse
      guard asked > 0 else { break }
      current.callsBeforeResponse = current.toolCalls.count
      current.toolSteps = step + 1
      let tokens = stats.completionTokens.map { " · \($0) tokens" } ?? ""
      appendLog(.done, "response \(step + 1) asked for \(asked) tool call\(asked == 1 ? "" : "s")\(tokens)")
      reasoning.closeLine()
      current.phase = .waiting
      current.phaseStartedAt = now.monotonic
      reasoning.reserveCursorCell = true
      answer.reserveCursorCell = false
    case .notice(let text):
      appendLog(text.contains("retrying") ? .retry : .info, text)
    case .turnEnded(let outcome):
      current.addedMessages = outcome.messages
      if let note = outcome.note { appendLog(.info, note) }
      current.outcome = outcome.ending.terminalEvent
    }
  }
}
