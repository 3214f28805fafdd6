import PonderCore

extension AppState {
  // MARK: - New, resumed

  /// ^N: a fresh conversation; the one on screen stays saved.
  mutating func startNewConversation() -> [Effect] {
    guard turn == nil else {
      appendLog(.info, "a response is streaming: cancel it (^C) before starting a new conversation")
      return []
    }
    let previous = conversationID.map { " (the last one is saved as \($0))" } ?? ""
    clearConversation()
    appendLog(.info, "new conversation\(previous)")
    return [.newConversation]
  }

  private mutating func clearConversation() {
    answer.removeAll()
    reasoning.removeAll()
    messages = []
    conversationID = nil
    turnCount = 0
    lastAnswer = ""
    lastReasoning = ""
    lastTurn = nil
    scroll[.answer] = ScrollState()
    scroll[.reasoning] = ScrollState()
    search = nil
  }

  /// Shows a saved conversation as if it had just been had, and continues it: its messages
  /// are the history the next request sends, its model and settings are used again.
  public mutating func loadConversation(_ conversation: SavedConversation) {
    clearConversation()
    conversationID = conversation.id
    if !conversation.summary.model.isEmpty { model = conversation.summary.model }
    if let system = conversation.settings.system { systemPrompt = system }
    if let setting = conversation.settings.think { think = setting }
    if let saved = conversation.settings.options { options = saved }
    for stored in conversation.messages { show(stored) }
    answer.closeLine()
    reasoning.closeLine()
    messages = conversation.history
    let count = conversation.messages.count
    appendLog(
      .info,
      "resumed conversation \(conversation.id): \(conversation.summary.title) · \(count) message\(count == 1 ? "" : "s")"
    )
  }

  private mutating func show(_ stored: StoredMessage) {
    let message = stored.message
    switch message.role {
    case .system:
      break
    case .user:
      turnCount += 1
      showPrompt(message.content, model: stored.model ?? model ?? "assistant")
    case .tool:
      let size = ByteSize.text(message.content.utf8.count)
      answer.appendLine("  ↳ \(message.isError ? "error" : "ok") · \(size)", kind: .plain(.dim), role: .dim)
    case .assistant:
      if let thinking = message.thinking, !thinking.isEmpty {
        reasoning.append(thinking, kind: .plain(.reasoning), role: .reasoning)
        reasoning.closeLine()
        lastReasoning = thinking
      }
      if !message.content.isEmpty {
        answer.append(message.content, kind: .markdown, role: .answer)
        answer.closeLine()
        lastAnswer = message.content
      }
      for call in message.toolCalls {
        answer.appendLine("⚙ \(call.name) \(ToolEventText.arguments(call, limit: 60))", kind: .plain(.dim), role: .dim)
      }
      if let notice = Self.notice(for: stored) {
        answer.appendLine(
          notice, kind: .plain(stored.status == .failed ? .error : .notice),
          role: stored.status == .failed ? .error : .notice)
      }
    }
  }

  /// The line under a resumed answer that did not end normally.
  static func notice(for stored: StoredMessage) -> String? {
    switch stored.status {
    case .complete: return stored.message.content.isEmpty && stored.message.toolCalls.isEmpty ? "(no answer)" : nil
    case .cancelled: return "⏹ cancelled — partial answer kept"
    case .failed: return "✗ " + (stored.error ?? "failed")
    case .cutOff: return "⚠ cut off by the length limit"
    case .interrupted: return "⚠ interrupted — Ponder stopped before the answer ended; partial answer kept"
    case .detached: return "↩ finished while the terminal was away"
    case .streaming: return "… still streaming in another Ponder"
    }
  }

  /// The prompt and the label of the answer to come, in the Answer pane; the turn's rule in
  /// the Reasoning pane.
  mutating func showPrompt(_ text: String, model: String) {
    if !answer.isEmpty {
      answer.closeLine()
      answer.appendLine("")
    }
    answer.appendLine("You", kind: .plain(.userLabel), role: .userLabel)
    answer.appendLine(text, kind: .plain(.userText), role: .userText)
    answer.appendLine("")
    answer.appendLine(model, kind: .plain(.assistantLabel), role: .assistantLabel)
    if !reasoning.isEmpty {
      reasoning.closeLine()
      reasoning.appendLine("")
    }
    reasoning.appendLine("── turn \(turnCount) · \(model) ──", kind: .plain(.dim), role: .dim)
  }

  // MARK: - The sessions screen

  mutating func openSessions() -> [Effect] {
    overlay = .sessions(SessionsBrowser())
    search = nil
    return [.listSessions("")]
  }

  mutating func sessionsListed(query: String, _ result: Result<[ConversationSummary], StoreProblem>, now: Int64) {
    guard case .sessions(var browser)? = overlay, browser.queryText == query else { return }
    browser.loading = false
    browser.now = now
    switch result {
    case .success(let list):
      browser.results = list
      browser.problem = nil
      if let current = conversationID, query.isEmpty, browser.selected == 0,
        let index = list.firstIndex(where: { $0.id == current })
      {
        browser.selected = index
      }
      browser.selected = max(0, min(browser.selected, list.count - 1))
    case .failure(let problem):
      browser.results = []
      browser.problem = problem.message
    }
    overlay = .sessions(browser)
  }

  mutating func handleSessionsKey(_ key: KeyPress, _ current: SessionsBrowser) -> [Effect] {
    var browser = current
    switch browser.mode {
    case .confirmingDelete:
      browser.mode = .browsing
      overlay = .sessions(browser)
      guard key == .character("y") || key == .character("Y"), let chosen = browser.selection else { return [] }
      if chosen.id == conversationID {
        conversationID = nil
        appendLog(.info, "deleted the conversation on screen; what you send next starts a new one")
        return [.deleteSession(chosen.id), .newConversation]
      }
      return [.deleteSession(chosen.id)]
    case .renaming(var title):
      switch key {
      case .character(let character): title.append(character)
      case .paste(let text): title += Self.cleanPaste(text).replacing("\n", with: " ")
      case .backspace: if !title.isEmpty { title.removeLast() }
      case .control("u"): title = []
      case .escape: browser.mode = .browsing
      case .enter:
        browser.mode = .browsing
        overlay = .sessions(browser)
        let text = String(title).trimmingWhitespace()
        guard !text.isEmpty, let chosen = browser.selection else { return [] }
        return [.renameSession(chosen.id, text)]
      case .control("q"): return requestQuit()
      default: break
      }
      if case .renaming = browser.mode { browser.mode = .renaming(title) }
      overlay = .sessions(browser)
      return []
    case .browsing:
      break
    }
    switch key {
    case .escape, .function(5):
      overlay = nil
      return []
    case .control("q"):
      return requestQuit()
    case .up:
      browser.selected = max(0, browser.selected - 1)
    case .down:
      browser.selected = max(0, min(browser.results.count - 1, browser.selected + 1))
    case .pageUp:
      browser.selected = max(0, browser.selected - 10)
    case .pageDown:
      browser.selected = max(0, min(browser.results.count - 1, browser.selected + 10))
    case .home:
      browser.selected = 0
    case .end:
      browser.selected = max(0, browser.results.count - 1)
    case .enter:
      guard let chosen = browser.selection else { return [] }
      if turn != nil {
        appendLog(.info, "a response is streaming: cancel it (^C) before opening another conversation")
        return []
      }
      overlay = nil
      return [.openSession(chosen.id)]
    case .control("r"):
      guard let chosen = browser.selection else { return [] }
      browser.mode = .renaming(Array(chosen.title))
    case .delete, .control("d"):
      guard browser.selection != nil else { return [] }
      browser.mode = .confirmingDelete
    case .character(let character):
      browser.query.append(character)
      return relist(browser)
    case .paste(let text):
      browser.query += Self.cleanPaste(text).replacing("\n", with: " ")
      return relist(browser)
    case .backspace:
      guard !browser.query.isEmpty else { return [] }
      browser.query.removeLast()
      return relist(browser)
    case .control("u"):
      browser.query = []
      return relist(browser)
    default:
      break
    }
    overlay = .sessions(browser)
    return []
  }

  private mutating func relist(_ browser: SessionsBrowser) -> [Effect] {
    var updated = browser
    updated.loading = true
    updated.selected = 0
    overlay = .sessions(updated)
    return [.listSessions(updated.queryText)]
  }
}
