import Foundation
import GRDB
import PonderCore
import Testing

@testable import PonderStore

@Suite struct ConversationStoreTests {
  let temporary = TemporaryDatabase()

  func open() throws -> ConversationStore { try ConversationStore.open(path: temporary.path) }

  func conversation(_ store: ConversationStore, title: String = "Why is the sky blue?") throws -> Int64 {
    try store.createConversation(
      title: title, host: "http://127.0.0.1:11434", api: "ollama", model: "qwen3:8b",
      settings: ConversationSettings(system: "Be brief.", think: .level(.high), options: ["num_ctx": 8192]))
  }

  @Test func anEmptyFileGetsEveryMigrationInWALMode() throws {
    let store = try open()
    #expect(try store.appliedMigrations() == StoreSchema.versions.sorted())
    #expect(try store.integrityCheck() == "ok")
    let mode = try DatabaseQueue(path: temporary.path).read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode")
    }
    #expect(mode == "wal")
  }

  @Test func aConversationRoundTripsWithSettingsStatusesAndToolCalls() throws {
    let store = try open()
    let id = try conversation(store)
    try store.append(StoredMessage(message: .user("Why is the sky blue?")), to: id)
    let call = ToolCall(id: "call_1", name: "read_file", arguments: ["path": "notes.md"])
    try store.append(
      StoredMessage(
        message: ChatMessage(role: .assistant, content: "", thinking: "Look it up.", toolCalls: [call]),
        model: "qwen3:8b"),
      to: id)
    try store.append(
      StoredMessage(
        message: ChatMessage(role: .tool, content: "Rayleigh", toolName: "read_file", toolCallID: "call_1")), to: id)
    let stats = MessageStats(
      doneReason: "length", promptTokens: 12, completionTokens: 40, tokensPerSecond: 31.5,
      timeToFirstTokenMilliseconds: 220,
      elapsedMilliseconds: 1800)
    try store.append(
      StoredMessage(
        message: .assistant("Because of Rayleigh", thinking: "scattering"), status: .cutOff, stats: stats,
        model: "qwen3:8b"),
      to: id)

    let saved = try store.conversation(id)
    #expect(saved.summary.title == "Why is the sky blue?")
    #expect(saved.summary.messageCount == 4)
    #expect(
      saved.settings == ConversationSettings(system: "Be brief.", think: .level(.high), options: ["num_ctx": 8192]))
    #expect(saved.messages.map(\.message.role) == [.user, .assistant, .tool, .assistant])
    #expect(saved.messages[1].message.toolCalls == [call])
    #expect(saved.messages[2].message.toolCallID == "call_1")
    #expect(saved.messages[3].status == .cutOff)
    #expect(saved.messages[3].stats == stats)
    #expect(saved.messages[3].message.thinking == "scattering")
  }

  @Test(arguments: MessageStatus.allCases)
  func everyStatusIsKept(_ status: MessageStatus) throws {
    let store = try open()
    let id = try conversation(store)
    try store.append(
      StoredMessage(message: .assistant("text"), status: status, error: status == .failed ? "HTTP 500: boom" : nil),
      to: id)
    let message = try #require(try store.conversation(id).messages.first)
    #expect(message.status == status)
    #expect(message.error == (status == .failed ? "HTTP 500: boom" : nil))
  }

  @Test func aStreamingAnswerGrowsByChunksAndIsReadableBeforeItEnds() throws {
    let store = try open()
    let id = try conversation(store)
    try store.append(StoredMessage(message: .user("q")), to: id)
    let answer = try store.beginAnswer(in: id, model: "qwen3:8b")
    try store.appendChunk(to: answer, seq: 0, reasoning: "Let me ", answer: "")
    try store.appendChunk(to: answer, seq: 1, reasoning: "think.", answer: "The sky")
    try store.appendChunk(to: answer, seq: 2, reasoning: "", answer: " is blue.")
    let partial = try #require(try store.conversation(id).messages.last)
    #expect(partial.status == .streaming)
    #expect(partial.message.content == "The sky is blue.")
    #expect(partial.message.thinking == "Let me think.")

    try store.finishAnswer(
      answer, in: id,
      with: [
        StoredMessage(
          message: .assistant("The sky is blue.", thinking: "Let me think."), stats: MessageStats(doneReason: "stop"))
      ])
    let done = try #require(try store.conversation(id).messages.last)
    #expect(done.status == .complete)
    #expect(done.id == answer)
    #expect(done.message.content == "The sky is blue.")
    #expect(try chunkCount(store) == 0)
  }

  @Test func aToolTurnReplacesItsStreamingAnswerWithEveryMessageInOrder() throws {
    let store = try open()
    let id = try conversation(store)
    try store.append(StoredMessage(message: .user("q")), to: id)
    let answer = try store.beginAnswer(in: id, model: "m")
    let call = ToolCall(id: "c1", name: "list_directory", arguments: ["path": "."])
    try store.finishAnswer(
      answer, in: id,
      with: [
        StoredMessage(message: ChatMessage(role: .assistant, content: "", toolCalls: [call])),
        StoredMessage(
          message: ChatMessage(role: .tool, content: "a.txt", toolName: "list_directory", toolCallID: "c1")),
        StoredMessage(message: .assistant("There is a.txt")),
      ])
    let saved = try store.conversation(id)
    #expect(saved.messages.map(\.message.role) == [.user, .assistant, .tool, .assistant])
    #expect(saved.messages.last?.message.content == "There is a.txt")
  }

  @Test func anAbandonedAnswerKeepsItsTextWithItsStatus() throws {
    let store = try open()
    let id = try conversation(store)
    let answer = try store.beginAnswer(in: id, model: "m")
    try store.appendChunk(to: answer, seq: 0, reasoning: "", answer: "half an ")
    try store.appendChunk(to: answer, seq: 1, reasoning: "", answer: "answer")
    try store.abandonAnswer(answer, status: .interrupted)
    let message = try #require(try store.conversation(id).messages.last)
    #expect(message.status == .interrupted)
    #expect(message.message.content == "half an answer")
    #expect(try store.search("answer").map(\.id) == [id])
  }

  @Test func anAnswerWhoseWriterDiedIsRecoveredAsInterruptedOnTheNextOpen() throws {
    let store = try open()
    let id = try conversation(store)
    let answer = try store.beginAnswer(in: id, model: "m")
    try store.appendChunk(to: answer, seq: 0, reasoning: "thinking", answer: "partial")
    // A writer that no longer runs (a pid far above any the kernel hands out).
    try DatabaseQueue(path: temporary.path).write { db in
      try db.execute(sql: "UPDATE message SET writer_pid = 2147483000 WHERE id = ?", arguments: [answer])
    }
    let reopened = try open()
    let message = try #require(try reopened.conversation(id).messages.last)
    #expect(message.status == .interrupted)
    #expect(message.message.content == "partial")
    #expect(message.message.thinking == "thinking")
  }

  @Test func anAnswerAnotherLiveProcessIsWritingIsLeftStreaming() throws {
    let store = try open()
    let id = try conversation(store)
    let answer = try store.beginAnswer(in: id, model: "m")
    // PID 1 always runs: a live writer's answer must not be touched.
    try DatabaseQueue(path: temporary.path).write { db in
      try db.execute(sql: "UPDATE message SET writer_pid = 1 WHERE id = ?", arguments: [answer])
    }
    let reopened = try open()
    #expect(try reopened.conversation(id).messages.last?.status == .streaming)
  }

  @Test func searchFindsPromptsAnswersAndReasoningByPrefixWithMarkedSnippets() throws {
    let store = try open()
    let sky = try conversation(store, title: "Why is the sky blue?")
    try store.append(StoredMessage(message: .user("Why is the sky blue?")), to: sky)
    try store.append(
      StoredMessage(message: .assistant("Rayleigh scattering of sunlight", thinking: "photons and nitrogen")), to: sky)
    let soup = try conversation(store, title: "Soup")
    try store.append(StoredMessage(message: .user("A recipe for leek soup")), to: soup)

    #expect(try store.search("rayl").map(\.id) == [sky])
    #expect(try store.search("nitrogen").map(\.id) == [sky])
    #expect(try store.search("leek soup").map(\.id) == [soup])
    #expect(try store.search("leek sky").isEmpty)
    let snippet = try #require(try store.search("scattering").first?.snippet)
    #expect(snippet.contains("\u{02}scattering\u{03}"))
    let runs = ConversationSummary.Snippet.runs(snippet)
    #expect(runs.contains { $0.isMatch && $0.text == "scattering" })
    // Words FTS cannot tokenise still find titles.
    try store.rename(soup, to: "C++ / leeks")
    #expect(try store.search("C++").map(\.id) == [soup])
    #expect(try store.search("").count == 2)
  }

  @Test func renameDeleteAndRecentOrder() throws {
    let store = try open()
    let first = try conversation(store, title: "first")
    let second = try conversation(store, title: "second")
    try store.append(StoredMessage(message: .user("later")), to: first)
    try DatabaseQueue(path: temporary.path).write { db in
      try db.execute(sql: "UPDATE conversation SET updated_at = updated_at + 10 WHERE id = ?", arguments: [first])
    }
    #expect(try store.recentConversations().map(\.id) == [first, second])
    #expect(try store.latestConversationID() == first)
    try store.rename(second, to: "renamed")
    #expect(try store.conversation(second).summary.title == "renamed")
    try store.delete(first)
    #expect(try store.recentConversations().map(\.id) == [second])
    #expect(try store.search("later").isEmpty)
    #expect(throws: StoreError.self) { try store.delete(first) }
    #expect(throws: StoreError.self) { try store.conversation(first) }
  }

  func chunkCount(_ store: ConversationStore) throws -> Int {
    try DatabaseQueue(path: store.path).read { db in
      try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM message_chunk") ?? -1
    }
  }
}
