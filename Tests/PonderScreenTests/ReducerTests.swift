import PonderCore
import PonderScreen
import PonderTestSupport
import Testing

@Suite struct ReducerTests {
  @Test func sendingStartsATurnWithTheWholeConversation() {
    var session = Session()
    session.thinkingTurn(prompt: "first")
    session.type("second")
    session.press(.enter)
    guard case .startTurn(let request)? = session.effects.last else {
      Issue.record("expected a startTurn effect, got \(session.effects)")
      return
    }
    #expect(request.model == "qwen3:8b")
    #expect(request.messages.map(\.role) == [.user, .assistant, .user])
    #expect(request.messages[1].thinking?.hasPrefix("The user asks about") == true)
    #expect(request.messages[2].content == "second")
    #expect(session.state.input.isEmpty)
  }

  @Test func enterWhileStreamingDoesNotSendASecondRequest() {
    var session = Session()
    session.type("one")
    session.press(.enter)
    session.type("two")
    session.press(.enter)
    #expect(session.effects.filter { if case .startTurn = $0 { true } else { false } }.count == 1)
    #expect(session.state.input.string == "two")
  }

  @Test func pauseAndResumeEmitEffectsAndShowPaused() {
    var session = Session()
    session.type("hi")
    session.press(.enter)
    session.stream([.reasoning("a")])
    session.effects = []
    session.press(.control("p"))
    #expect(session.effects == [.pauseStream])
    #expect(session.state.turn?.paused == true)
    session.send(.backlog(2048))
    #expect(StatusBar.text(for: session.state).0.contains("PAUSED · backlog 2 KB"))
    session.press(.control("p"))
    #expect(session.effects == [.pauseStream, .resumeStream])
    #expect(session.state.turn?.paused == false)
  }

  /// The backlog comes in the release after a resume; the figures count it then, not two
  /// seconds later.
  @Test func theReleaseAfterAResumeRefreshesTheFigures() {
    var session = Session()
    session.type("hi")
    session.press(.enter)
    session.stream([.answer("a")], fragments: FragmentCounts(answer: 1), after: .milliseconds(100))
    session.press(.control("p"))
    session.send(.tick, after: .milliseconds(500))
    session.press(.control("p"))
    #expect(StatusBar.text(for: session.state).0.contains("● answering · 1 tok"))
    session.stream([.answer(" b c")], fragments: FragmentCounts(answer: 40), after: .milliseconds(50))
    #expect(StatusBar.text(for: session.state).0.contains("● answering · 41 tok"))
    session.stream([.answer(" d")], fragments: FragmentCounts(answer: 1), after: .milliseconds(50))
    #expect(StatusBar.text(for: session.state).0.contains("● answering · 41 tok"), "then every two seconds")
  }

  @Test func cancelWhilePausedResumesSoTheCancellationIsSeen() {
    var session = Session()
    session.type("hi")
    session.press(.enter)
    session.press(.control("p"))
    session.effects = []
    session.press(.control("c"))
    #expect(session.effects == [.resumeStream, .cancelTurn])
  }

  @Test func cancelKeepsThePartialAnswerAndMarksIt() {
    var session = Session()
    session.type("hi")
    session.press(.enter)
    session.stream([.answer("partial ans")])
    session.press(.control("c"))
    session.stream([.error(ChatError(.cancelled, "cancelled"))])
    session.send(.streamEnded)
    #expect(session.state.turn == nil)
    #expect(session.state.lastTurn?.outcome == .cancelled)
    let text = session.state.answer.lines.map(\.display)
    #expect(text.contains("partial ans"))
    #expect(text.last?.hasPrefix("⏹ cancelled") == true)
    #expect(session.state.log.sourceText.contains("cancelled by you"))
    // The cancelled exchange stays on screen but leaves the history; /keep puts it back.
    #expect(session.state.messages.isEmpty)
    #expect(session.state.excludedExchange?.last == ChatMessage(role: .assistant, content: "partial ans"))
    #expect(session.state.log.lines.last?.display.contains("not sent with the next request (/keep sends it)") == true)
    session.type("/keep")
    session.press(.enter)
    #expect(session.state.messages.map(\.content) == ["hi", "partial ans"])
  }

  @Test func ctrlCWhenIdleClearsThenQuitsOnTheSecondPress() {
    var session = Session()
    session.type("draft")
    session.press(.control("c"))
    #expect(session.state.input.isEmpty)
    #expect(session.effects.isEmpty)
    session.press(.control("c"))
    #expect(session.effects.isEmpty)
    session.press(.control("c"))
    #expect(session.effects == [.quit])
  }

  @Test func quitDuringATurnCancelsFirst() {
    var session = Session()
    session.type("hi")
    session.press(.enter)
    session.effects = []
    session.press(.control("q"))
    #expect(session.effects == [.cancelTurn, .quit])
  }

  @Test func scrollingUpStopsFollowingAndEndResumes() {
    var session = Session()
    session.thinkingTurn()
    session.press(.tab)
    #expect(session.state.focus == .answer)
    session.press(.up, .up)
    #expect(session.state.scroll[.answer]?.follow == false)
    let area = session.state.layout.content(of: .answer) ?? .zero
    let top = session.state.topRow(of: .answer, in: area)
    session.type("")
    session.stream([])
    // New text does not move a pane the user scrolled.
    session.state.answer.append("more text\n", kind: .markdown, role: .answer)
    #expect(session.state.topRow(of: .answer, in: area) == top)
    session.press(.end)
    #expect(session.state.scroll[.answer]?.follow == true)
  }

  @Test func resizeKeepsTheScrolledLineOnScreen() {
    var session = Session(width: 120, height: 40)
    for index in 0..<30 { session.state.answer.appendLine("line \(index) " + String(repeating: "word ", count: 30)) }
    session.press(.tab)
    session.press(.home)
    session.press(.pageDown)
    let before = session.render().lines
    let anchorText = session.state.answer.lines[session.state.scroll[.answer]?.anchorLine ?? 0].display
    session.send(.resize(width: 80, height: 24))
    let after = session.render().lines
    #expect(before != after)
    let prefix = String(anchorText.prefix(8))
    #expect(after.contains { $0.hasPrefix(prefix) }, "the anchored line \(prefix) is still visible after the resize")
  }

  @Test func typingWhileAPaneHasFocusGoesToTheInput() {
    var session = Session()
    session.press(.tab)
    session.type("x")
    #expect(session.state.focus == .input)
    #expect(session.state.input.string == "x")
  }

  @Test func focusCycleSkipsHiddenPanes() {
    var session = Session()
    session.press(.function(2))
    var seen: [Pane] = []
    for _ in 0..<4 {
      session.press(.tab)
      seen.append(session.state.focus)
    }
    #expect(seen == [.answer, .reasoning, .input, .answer])
  }

  @Test func historyRecallsEarlierPrompts() {
    var session = Session()
    session.thinkingTurn(prompt: "first question")
    session.type("draft")
    session.press(.up)
    #expect(session.state.input.string == "first question")
    session.press(.down)
    #expect(session.state.input.string == "draft")
  }

  @Test func altEnterMakesAMultiLineMessage() {
    var session = Session()
    session.type("line one")
    session.press(.altEnter)
    session.type("line two")
    session.press(.enter)
    guard case .startTurn(let request)? = session.effects.last else {
      Issue.record("expected startTurn")
      return
    }
    #expect(request.messages.last?.content == "line one\nline two")
  }

  @Test func aMultiLinePasteGoesIntoTheInputWithoutSending() {
    var session = Session()
    session.press(.paste("first line\r\nsecond\tline\u{1B}[31m"))
    #expect(session.effects.isEmpty)
    #expect(session.state.input.string == "first line\nsecond    line\u{FFFD}[31m")
    session.press(.enter)
    guard case .startTurn(let request)? = session.effects.last else {
      Issue.record("expected startTurn")
      return
    }
    #expect(request.messages.last?.content == "first line\nsecond    line\u{FFFD}[31m")
  }

  @Test func copyMenuOffersCodeBlocksOfTheLastAnswer() {
    var session = Session()
    session.thinkingTurn()
    session.press(.control("y"))
    #expect(session.state.overlay == .copyMenu(codeBlocks: 1))
    session.type("1")
    #expect(session.effects.last == .copy(text: "let sky = \"blue\"", label: "code block 1"))
    session.press(.control("y"))
    session.type("a")
    guard case .copy(let text, _)? = session.effects.last else {
      Issue.record("expected a copy")
      return
    }
    #expect(text.hasPrefix("## Short answer"))
  }

  @Test func searchFindsAndHighlightsMatchesInTheReasoning() {
    var session = Session()
    session.thinkingTurn()
    session.press(.control("f"))
    session.type("scatter")
    let search = session.state.search
    #expect(search?.matches.count == 2)
    #expect(search?.current == 0)
    session.press(.enter)
    #expect(session.state.search?.current == 1)
    let grid = session.render()
    let highlighted = (0..<grid.height).flatMap { grid.roles(row: $0) }.filter { $0 == .searchCurrent }.count
    #expect(highlighted == "scatter".count)
    session.press(.escape)
    #expect(session.state.search == nil)
  }

  @Test func modelsListOpensThePickerAndEnterChooses() {
    var session = Session(model: nil)
    session.type("hi")
    session.press(.enter)
    #expect(session.effects == [.loadModels])
    session.send(.modelsLoaded(.success([ModelInfo(name: "a"), ModelInfo(name: "b")])))
    #expect(session.state.overlay == .modelPicker(models: [ModelInfo(name: "a"), ModelInfo(name: "b")], selected: 0))
    session.press(.down, .enter)
    #expect(session.state.model == "b")
  }

  @Test func statusBarShowsLiveRateThenTheServersFigures() {
    var session = Session()
    session.type("hi")
    session.press(.enter)
    session.stream([.answer("a")], fragments: FragmentCounts(answer: 10), after: .milliseconds(200))
    // The phase's first rate comes a second in.
    session.stream([.answer(" b")], fragments: FragmentCounts(answer: 10), after: .milliseconds(250))
    session.send(.tick, after: .milliseconds(250))
    #expect(!StatusBar.text(for: session.state).0.contains("tok/s"))
    session.stream([.answer(" b")], fragments: FragmentCounts(answer: 10), after: .milliseconds(250))
    session.send(.tick, after: .milliseconds(250))
    #expect(StatusBar.text(for: session.state).0.contains("30 tok · 1 s · 30 tok/s"))
    // Then, while text flows, every two seconds, not on every tick.
    for _ in 1...3 {
      session.stream([.answer(" b")], fragments: FragmentCounts(answer: 10), after: .milliseconds(250))
      session.send(.tick, after: .milliseconds(250))
      #expect(StatusBar.text(for: session.state).0.contains("30 tok · 1 s · 30 tok/s"))
    }
    session.stream([.answer(" b")], fragments: FragmentCounts(answer: 10), after: .milliseconds(250))
    session.send(.tick, after: .milliseconds(250))
    let live = StatusBar.text(for: session.state).0
    #expect(live.contains("● answering · 70 tok"))
    #expect(live.contains("70 tok · 3 s · 23 tok/s"), "live figures in whole units")
    #expect(live.contains("first token 200 ms"))
    session.stream([.done(GenerationStats(doneReason: "stop", completionTokens: 282, evalNanoseconds: 4_535_599_000))])
    let final = StatusBar.text(for: session.state).0
    #expect(final.contains("✓ done (stop) · 282 tok · 62.2 tok/s (server)"))
  }

  /// Text and the end in one release (a short answer, or a slow screen) used to divide by a zero
  /// duration and trap when the rate was formatted.
  @Test func anAnswerThatEndsInItsFirstReleaseHasNoRateAndDoesNotTrap() {
    var session = Session()
    session.type("hi")
    session.press(.enter)
    session.stream([.answer("Hello."), .done(GenerationStats(doneReason: "stop"))])
    #expect(session.state.turn == nil)
    #expect(session.state.lastTurn?.tokensPerSecond == nil)
    #expect(StatusBar.text(for: session.state).0.contains("✓ done (stop)"))
  }
}
