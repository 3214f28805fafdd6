import PonderCore
import PonderScreen
import PonderTestSupport
import Testing

@Suite struct ConversationReducerTests {
  func finished(_ session: Session) -> [StoredMessage]? {
    for effect in session.effects.reversed() {
      if case .turnFinished(let messages) = effect { return messages }
    }
    return nil
  }

  @Test func aFinishedTurnAsksToSaveItsAnswerWithStatusAndFigures() throws {
    var session = Session()
    session.thinkingTurn()
    let messages = try #require(finished(session))
    #expect(messages.count == 1)
    #expect(messages[0].message.role == .assistant)
    #expect(messages[0].message.thinking?.hasPrefix("The user asks about") == true)
    #expect(messages[0].status == .complete)
    #expect(messages[0].model == "qwen3:8b")
    #expect(messages[0].stats.completionTokens == 42)
    #expect(messages[0].stats.timeToFirstTokenMilliseconds == 412)
  }

  @Test(arguments: [
    (StreamEvent.done(GenerationStats(doneReason: "length")), MessageStatus.cutOff),
    (.error(ChatError(.server, "boom")), .failed),
    (.error(ChatError(.cancelled, "cancelled")), .cancelled),
  ])
  func theSavedStatusSaysHowTheTurnEnded(_ ending: StreamEvent, _ status: MessageStatus) throws {
    var session = Session()
    session.type("hi")
    session.press(.enter)
    session.stream([.answer("partial")])
    session.stream([ending])
    let messages = try #require(finished(session))
    #expect(messages.last?.status == status)
    #expect(messages.last?.message.content == "partial")
  }

  @Test func controlNStartsANewConversationAndKeepsTheOldOneSaved() {
    var session = Session()
    session.thinkingTurn()
    session.send(.conversationStarted(7))
    session.effects = []
    session.press(.control("n"))
    #expect(session.effects == [.newConversation])
    #expect(session.state.messages.isEmpty)
    #expect(session.state.answer.isEmpty)
    #expect(session.state.conversationID == nil)
    #expect(session.state.log.sourceText.contains("new conversation (the last one is saved as 7)"))
    session.type("fresh")
    session.press(.enter)
    guard case .startTurn(let request)? = session.effects.last else {
      Issue.record("expected a request")
      return
    }
    #expect(request.messages.map(\.content) == ["fresh"])
  }

  @Test func controlNWhileStreamingIsRefused() {
    var session = Session()
    session.type("hi")
    session.press(.enter)
    session.effects = []
    session.press(.control("n"))
    #expect(session.effects.isEmpty)
    #expect(session.state.turn != nil)
  }

  static let saved = SavedConversation(
    summary: ConversationSummary(
      id: 3, title: "Why is the sky blue?", model: "llama3.2:latest", createdAt: 0, updatedAt: 0, messageCount: 6),
    settings: ConversationSettings(system: "Be brief.", think: .enabled(false)),
    messages: [
      StoredMessage(message: .user("Why is the sky blue?")),
      StoredMessage(
        message: .assistant("Rayleigh **scattering**.", thinking: "Light and air."), model: "llama3.2:latest"),
      StoredMessage(message: .user("Tell me a long story")),
      StoredMessage(message: .assistant("Once upon a time"), status: .detached, model: "llama3.2:latest"),
      StoredMessage(message: .user("fail please")),
      StoredMessage(message: .assistant(""), status: .failed, error: "HTTP 500: boom"),
    ])

  @Test func aResumedConversationIsShownAndItsHistoryIsSentNext() {
    var session = Session()
    session.send(.conversationLoaded(Self.saved))
    let state = session.state
    #expect(state.conversationID == 3)
    #expect(state.model == "llama3.2:latest")
    #expect(state.systemPrompt == "Be brief.")
    #expect(state.think == .enabled(false))
    #expect(state.turnCount == 3)
    #expect(state.answer.sourceText.contains("Rayleigh **scattering**."))
    #expect(state.answer.sourceText.contains("finished while the terminal was away"))
    #expect(state.answer.sourceText.contains("✗ HTTP 500: boom"))
    #expect(state.reasoning.sourceText.contains("── turn 1 · llama3.2:latest ──"))
    #expect(state.reasoning.sourceText.contains("Light and air."))
    #expect(state.lastAnswer == "Once upon a time")
    #expect(state.log.sourceText.contains("resumed conversation 3"))

    session.type("and then?")
    session.press(.enter)
    guard case .startTurn(let request)? = session.effects.last else {
      Issue.record("expected a request")
      return
    }
    // The failed exchange is not sent back; the system prompt goes first.
    #expect(request.messages.map(\.role) == [.system, .user, .assistant, .user, .assistant, .user])
    #expect(!request.messages.contains { $0.content == "fail please" })
    #expect(request.messages.last?.content == "and then?")
    #expect(request.think == .enabled(false))
  }

  @Test func theSessionsScreenFiltersAsYouTypeAndOpensTheChoice() {
    var session = Session()
    session.press(.function(5))
    #expect(session.effects.last == .listSessions(""))
    let list = [
      ConversationSummary(id: 2, title: "Soup", model: "m", createdAt: 0, updatedAt: 100, messageCount: 2),
      ConversationSummary(id: 1, title: "Sky", model: "m", createdAt: 0, updatedAt: 50, messageCount: 4),
    ]
    session.send(.sessionsListed(query: "", .success(list), now: 160))
    session.type("sk")
    #expect(session.effects.suffix(2) == [.listSessions("s"), .listSessions("sk")])
    // A late answer for an older query is ignored.
    session.send(.sessionsListed(query: "s", .success(list), now: 160))
    guard case .sessions(let browser)? = session.state.overlay else {
      Issue.record("the sessions screen closed")
      return
    }
    #expect(browser.loading)
    session.send(.sessionsListed(query: "sk", .success([list[1]]), now: 160))
    session.press(.enter)
    #expect(session.effects.last == .openSession(1))
    #expect(session.state.overlay == nil)
  }

  @Test func renameAndDeleteAskFirst() {
    var session = Session()
    session.press(.function(5))
    let entry = ConversationSummary(id: 4, title: "Old", model: "m", createdAt: 0, updatedAt: 0, messageCount: 2)
    session.send(.sessionsListed(query: "", .success([entry]), now: 0))
    session.press(.control("r"), .backspace, .backspace, .backspace)
    session.type("New")
    session.press(.enter)
    #expect(session.effects.last == .renameSession(4, "New"))
    session.press(.delete)
    session.press(.character("n"))
    #expect(session.effects.last == .renameSession(4, "New"))
    session.press(.delete)
    session.press(.character("y"))
    #expect(session.effects.last == .deleteSession(4))
  }

  @Test func theSessionsScreenShowsTitlesFactsAndHighlightedSnippets() {
    var session = Session(width: 80, height: 24)
    session.press(.function(5))
    session.type("sky")
    let hit = ConversationSummary(
      id: 12, title: "Why is the sky blue?", model: "qwen3:8b", createdAt: 0, updatedAt: 1000, messageCount: 4,
      snippet: "…the \u{02}sky\u{03} is blue because…")
    session.send(.sessionsListed(query: "sky", .success([hit]), now: 1000 + 300))
    let grid = session.render()
    let text = grid.lines.joined(separator: "\n")
    #expect(text.contains("Conversations (1)"))
    #expect(text.contains("Search: sky"))
    #expect(text.contains("12"))
    #expect(text.contains("Why is the sky blue?"))
    #expect(text.contains("qwen3:8b · 4 msg · 5 min ago"))
    #expect(text.contains("…the sky is blue because…"))
    #expect(!text.contains("\u{FFFD}"))
    let row = grid.lines.firstIndex { $0.contains("…the sky is blue") } ?? 0
    let line = Array(grid.lines[row])
    let column = (0..<(line.count - 3)).first { String(line[$0..<($0 + 3)]) == "sky" } ?? 0
    #expect(grid[column, row].role == .searchMatch)
    #expect(grid[column - 2, row].role != .searchMatch)
  }

  @Test func aStoreThatCannotSaveIsShownInTheStatusBar() {
    var session = Session()
    session.send(.savingStopped("the disk is full"))
    #expect(StatusBar.text(for: session.state).0.contains("not saving"))
    #expect(session.state.log.sourceText.contains("not saving conversations: the disk is full"))
  }
}
