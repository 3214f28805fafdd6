import PonderCore

extension AppState {
  /// Whether `prompt` after the history fits the window; when it does not, the ways out open
  /// and nothing is sent.
  mutating func checkRoom(for prompt: ChatMessage) -> Bool {
    guard let window = contextUsage?.window else { return true }
    let needed = (contextTokens ?? ContextUsage.estimate(requestHistory)) + ContextUsage.estimate([prompt])
    guard needed > window else { return true }
    overlay = .contextFull(ContextOverflow(prompt: prompt, tokens: needed, window: window, serverMessage: nil))
    appendLog(
      .error, "the conversation is too long for the model: about \(needed) of \(window) tokens; nothing was sent")
    return false
  }

  /// The keys of the "context is full" box: n new conversation · d drop the oldest turns ·
  /// r raise num_ctx (Ollama) · Esc back to the input with the prompt.
  mutating func handleContextFullKey(_ key: KeyPress, _ overflow: ContextOverflow) -> [Effect] {
    switch key {
    case .character("n"):
      overlay = nil
      let effects = startNewConversation()
      input.clear()
      input.insert(overflow.prompt.content)
      appendLog(.info, "your prompt is back in the input: Enter sends it in the new conversation")
      return effects
    case .character("d"):
      overlay = nil
      let dropped = dropOldestTurns(toFit: overflow)
      guard dropped > 0 else {
        appendLog(.error, "there are no older turns to drop; start a new conversation (n) instead")
        input.clear()
        input.insert(overflow.prompt.content)
        return []
      }
      appendLog(
        .info,
        "dropped the \(dropped) oldest turn\(dropped == 1 ? "" : "s") from what is sent (the system prompt stays); sending again"
      )
      return startTurn(overflow.prompt, showing: nil)
    case .character("r") where canRaiseContext:
      overlay = nil
      let current = overflow.window ?? 2048
      let needed = (overflow.tokens ?? current) + 1024
      var raised = current * 2
      while raised < needed { raised *= 2 }
      var members = (options?.objectMembers ?? []).filter { $0.key != "num_ctx" }
      members.append(JSONMember("num_ctx", .number(Double(raised))))
      options = .object(members)
      appendLog(.info, "num_ctx = \(raised) from now on (the model needs memory for it); sending again")
      return startTurn(overflow.prompt, showing: nil)
    case .escape:
      overlay = nil
      input.clear()
      input.insert(overflow.prompt.content)
      return []
    case .control("q"):
      return requestQuit()
    default:
      return []
    }
  }

  /// Drops whole exchanges from the front of the history until the prompt fits in 70 % of the
  /// window (or half of them, without a window); returns how many went.
  private mutating func dropOldestTurns(toFit overflow: ContextOverflow) -> Int {
    let starts = messages.indices.filter { messages[$0].role == .user }
    guard !starts.isEmpty else { return 0 }
    let budget = overflow.window.map { $0 * 7 / 10 }
    var dropped = 0
    while dropped < starts.count {
      let rest = Array(messages[starts[dropped]...])
      let system = systemPrompt.map { [ChatMessage.system($0)] } ?? []
      if let budget, ContextUsage.estimate(system + rest + [overflow.prompt]) <= budget { break }
      if budget == nil, dropped >= starts.count / 2, dropped > 0 { break }
      dropped += 1
    }
    if dropped == starts.count {
      messages = []
    } else {
      messages.removeSubrange(..<starts[dropped])
    }
    contextTokens = nil
    return dropped
  }

  /// `/keep`: the last failed or cancelled exchange goes back into the history.
  mutating func keepExcludedExchange() {
    guard let excluded = excludedExchange else {
      appendLog(.info, "nothing to keep: the last exchange is already sent with the next request")
      return
    }
    messages += excluded
    excludedExchange = nil
    appendLog(.info, "the last exchange is sent with the next request again")
  }
}
