import PonderCore

extension AppState {
  /// The output limit this conversation sends (`num_predict`), when one is set.
  var outputLimit: Int? { LengthLimit.limit(in: options) }

  /// A turn ended at the length limit: a ⚠ notice under the answer and in the Log (never a ✓),
  /// and when there is no answer at all, the overlay offering the retries.
  mutating func lengthStopped(_ stop: LengthStop, rate: String) {
    answer.appendLine(stop.notice, kind: .plain(.notice), role: .notice)
    appendLog(.warning, "\(MessageStatus.cutOff.label) (\(stop.reason)) · \(stop.tokens) tokens\(rate)")
    guard stop.answerEmpty else { return }
    appendLog(.info, "retry with more room (m)\(stop.reasoned ? " or with thinking off (t)" : ""), or Esc to keep it")
    if overlay == nil {
      overlay = .lengthStop(stop)
      search = nil
    }
  }

  /// The retry box: `m` more room, `t` thinking off (only after reasoning); any other key closes it.
  mutating func handleLengthStopKey(_ key: KeyPress, _ stop: LengthStop) -> [Effect] {
    switch key {
    case .character("m"), .character("1"):
      overlay = nil
      return retryLastPrompt(.moreRoom(stop.moreRoom))
    case .character("t") where stop.reasoned, .character("2") where stop.reasoned:
      overlay = nil
      return retryLastPrompt(.thinkingOff)
    case .control("q"):
      overlay = nil
      return requestQuit()
    default:
      overlay = nil
      return []
    }
  }

  /// Sends the last prompt again with `change` applied to this conversation's settings (it holds
  /// for the turns after it too). The retry replaces the last exchange in the history the model
  /// is sent and in the saved conversation; the screen keeps both.
  mutating func retryLastPrompt(_ change: RetryChange) -> [Effect] {
    guard turn == nil else {
      appendLog(.info, "a response is streaming: Ctrl-C cancels it")
      return []
    }
    guard model != nil, let start = messages.lastIndex(where: { $0.role == .user }) else {
      appendLog(.info, "nothing to retry")
      return []
    }
    switch change {
    case .moreRoom(let limit):
      options = (options ?? .emptyObject).setting("num_predict", to: .number(Double(limit)))
      appendLog(.retry, "retrying with more room: num_predict \(limit) from now on")
    case .thinkingOff:
      think = .enabled(false)
      appendLog(.retry, "retrying with thinking off from now on")
    }
    let prompt = messages[start]
    guard dropLastExchange() else { return [] }
    return [.dropLastExchange] + startTurn(prompt, showing: nil)
  }
}
