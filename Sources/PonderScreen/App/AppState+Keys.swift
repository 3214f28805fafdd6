import PonderCore

extension AppState {
  /// Routes a key: overlays and search first, then global keys, then the focused pane.
  ///
  /// Global keys are Ctrl, function and navigation keys only, so they never take a character
  /// meant for the input line; a printable key pressed while a pane is focused goes to the input.
  /// What still acts when the terminal is too small to show anything but a notice.
  static let keysWithoutScreen: Set<KeyPress> = [.control("q"), .control("c"), .control("z"), .control("l")]

  mutating func handleKey(_ key: KeyPress) -> [Effect] {
    let effects = routeKey(key)
    followFocusWithZoom()
    return effects
  }

  private mutating func routeKey(_ key: KeyPress) -> [Effect] {
    if key != .control("c") { quitGuard.disarm() }
    // Below the minimum size nothing is on screen to act on: only keys that need no screen work.
    if width < ScreenLayout.minimumWidth || height < ScreenLayout.minimumHeight,
      !Self.keysWithoutScreen.contains(key)
    {
      return []
    }
    if overlay != nil { return handleOverlayKey(key) }
    if search != nil { return handleSearchKey(key) }
    if Self.zoomKeys.contains(key) {
      toggleZoom()
      return []
    }
    switch key {
    case .control("q"):
      return requestQuit()
    case .control("c"):
      return interrupt()
    case .control("z"):
      return [.suspend]
    case .control("d") where input.isEmpty && turn == nil:
      return requestQuit()
    case .control("p"):
      return togglePause()
    case .control("y"):
      overlay = .copyMenu(codeBlocks: CodeBlocks.extract(from: lastAnswer).count)
      return []
    case .control("f"):
      zoomed = nil  // the search bar lives in the input row
      openSearch()
      return []
    case .control("n"):
      return startNewConversation()
    case .pasteTooLarge(let bytes):
      appendLog(
        .error, "paste refused: \(ByteSize.text(bytes)) is over the 1 MB the input takes; /attach PATH sends a file")
      return []
    case .function(5):
      return openSessions()
    case .control("l"):
      return [.redraw]
    case .control("o"), .function(4):
      overlay = .loadingModels
      return [.loadModels]
    case .function(1):
      overlay = .help
      return []
    case .function(2):
      showLog.toggle()
      if !showLog, focus == .log { focus = .input }
      return []
    case .function(3):
      showReasoning.toggle()
      if !showReasoning, focus == .reasoning { focus = .input }
      return []
    case .tab:
      if focus == .input, completeCommand() { return [] }
      cycleFocus(forward: true)
      return []
    case .backTab:
      cycleFocus(forward: false)
      return []
    default:
      return focus == .input ? handleInputKey(key) : handlePaneKey(key, pane: focus)
    }
  }

  private mutating func cycleFocus(forward: Bool) {
    // While zoomed, Tab moves the zoom between the shown panes; any of them fills the screen,
    // even the Log a short terminal leaves out.
    let layout = self.layout
    let order: [Pane] =
      zoomed == nil
      ? [.input, .answer, .reasoning, .log].filter { $0 == .input || layout.frame(of: $0) != nil }
      : [.answer, .reasoning, .log].filter { ($0 != .log || showLog) && ($0 != .reasoning || showReasoning) }
    guard let index = order.firstIndex(of: focus) else {
      focus = .input
      return
    }
    focus = order[(index + (forward ? 1 : order.count - 1)) % order.count]
  }

  private mutating func handleInputKey(_ key: KeyPress) -> [Effect] {
    switch key {
    case .character(let character): input.insert(character)
    case .paste(let text): input.insert(Self.cleanPaste(text))
    case .enter: return send()
    case .altEnter, .control("j"): input.insert("\n")
    case .backspace: input.backspace()
    case .delete: input.deleteForward()
    case .left: input.moveLeft()
    case .right: input.moveRight()
    case .home, .control("a"): input.moveToLineStart()
    case .end, .control("e"): input.moveToLineEnd()
    case .control("u"): input.deleteToLineStart()
    case .control("k"): input.deleteToLineEnd()
    case .control("w"): input.deleteWordBackward()
    case .up: input.caretOnFirstLine ? input.historyPrevious() : moveCaretLine(up: true)
    case .down: input.caretOnLastLine ? input.historyNext() : moveCaretLine(up: false)
    case .pageUp: scroll(.answer, by: -pageRows(.answer))
    case .pageDown: scroll(.answer, by: pageRows(.answer))
    case .escape: setupProblems = []
    default: break
    }
    return []
  }

  private mutating func moveCaretLine(up: Bool) {
    let column = input.caretPosition.column
    if up {
      input.moveToLineStart()
      input.moveLeft()
      input.moveToLineStart()
    } else {
      input.moveToLineEnd()
      input.moveRight()
    }
    for _ in 0..<column where input.caretPosition.column < column { input.moveRight() }
  }

  private mutating func handlePaneKey(_ key: KeyPress, pane: Pane) -> [Effect] {
    switch key {
    case .up: scroll(pane, by: -1)
    case .down: scroll(pane, by: 1)
    case .pageUp: scroll(pane, by: -pageRows(pane))
    case .pageDown: scroll(pane, by: pageRows(pane))
    case .home: scrollToTop(pane)
    case .end: scrollToBottom(pane)
    case .escape, .enter: focus = .input
    case .character("?"): overlay = .help
    case .character, .backspace, .altEnter, .paste:
      focus = .input
      return handleInputKey(key)
    default: break
    }
    return []
  }

  private mutating func handleOverlayKey(_ key: KeyPress) -> [Effect] {
    switch overlay {
    case .help?, .loadingModels?, .commands?:
      if key == .control("q") { return requestQuit() }
      overlay = nil
    case .copyMenu(let codeBlocks)?:
      overlay = nil
      switch key {
      case .character("a"):
        return lastAnswer.isEmpty ? nothingToCopy("answer") : [.copy(text: lastAnswer, label: "the last answer")]
      case .character("r"):
        return lastReasoning.isEmpty ? nothingToCopy("reasoning") : [.copy(text: lastReasoning, label: "the reasoning")]
      case .character(let digit) where digit.isNumber:
        let number = digit.wholeNumberValue ?? 0
        let blocks = CodeBlocks.extract(from: lastAnswer)
        guard number >= 1, number <= blocks.count else { return nothingToCopy("code block \(number) of \(codeBlocks)") }
        return [.copy(text: blocks[number - 1], label: "code block \(number)")]
      default:
        return []
      }
    case .approval(let prompt)?:
      let decision: ApprovalDecision
      switch key {
      case .character("o"), .character("1"): decision = .allowOnce
      case .character("s"), .character("2"): decision = .allowForSession
      case .character("a"), .character("3"): decision = .alwaysAllow
      case .character("d"), .character("4"), .character("n"), .escape: decision = .deny
      case .control("c"):
        overlay = nil
        return cancelTurn()
      case .control("q"):
        overlay = nil
        return requestQuit()
      default: return []
      }
      overlay = nil
      return [.answerApproval(decision, prompt.call)]
    case .modelPicker(let models, let selected)?:
      switch key {
      case .up: overlay = .modelPicker(models: models, selected: max(0, selected - 1))
      case .down: overlay = .modelPicker(models: models, selected: min(models.count - 1, selected + 1))
      case .enter:
        overlay = nil
        if models.indices.contains(selected) { chooseModel(models[selected].name) }
      case .escape, .control("o"), .function(4): overlay = nil
      case .control("q"): return requestQuit()
      default: break
      }
    case .pulling?:
      return handlePullKey(key)
    case .sessions(let browser)?:
      return handleSessionsKey(key, browser)
    case .contextFull(let overflow)?:
      return handleContextFullKey(key, overflow)
    case .lengthStop(let stop)?:
      return handleLengthStopKey(key, stop)
    case nil:
      break
    }
    return []
  }

  /// Pasted text as the input takes it: line ends normalised, tabs as spaces, no controls.
  static func cleanPaste(_ text: String) -> String {
    Sanitizer.clean(text.replacing("\r\n", with: "\n").replacing("\r", with: "\n"))
  }

  mutating func nothingToCopy(_ what: String) -> [Effect] {
    appendLog(.info, "nothing to copy: no \(what) yet")
    return []
  }
}
