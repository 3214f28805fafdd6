import Foundation
import PonderCore
import Testing

@testable import PonderStore

@Suite struct ConversationRecorderTests {
  let temporary = TemporaryDatabase()

  @Test func aTurnIsSavedAsItStreamsThenFinished() throws {
    let store = try ConversationStore.open(path: temporary.path)
    let reports = RecorderReports()
    let recorder = ConversationRecorder(store: store, host: "h", api: "ollama", report: reports.add)
    recorder.startTurn(
      prompt: .user("Why is the sky blue?\nsecond line"), model: "qwen3:8b", settings: ConversationSettings())
    recorder.record(ResponseBatch(events: [.reasoning("Hmm. ")]))
    recorder.record(ResponseBatch(events: [.reasoning("Light."), .answer("Rayleigh")]))
    recorder.record(ResponseBatch(events: [.answer(" scattering."), .done(GenerationStats())]))
    recorder.flush()
    let id = try #require(try store.latestConversationID())
    let streaming = try store.conversation(id)
    #expect(streaming.summary.title == "Why is the sky blue?")
    #expect(streaming.messages.last?.status == .streaming)
    #expect(streaming.messages.last?.message.content == "Rayleigh scattering.")
    #expect(streaming.messages.last?.message.thinking == "Hmm. Light.")
    #expect(recorder.chunkTimings().count == 1, "releases within the save interval are one write")

    recorder.finishTurn(
      TurnRecord.messages(
        added: [.assistant("Rayleigh scattering.", thinking: "Hmm. Light.")],
        ending: .done(GenerationStats(doneReason: "stop")),
        stats: MessageStats(completionTokens: 5), model: "qwen3:8b"))
    recorder.flush()
    let finished = try store.conversation(id)
    #expect(finished.messages.map(\.status) == [.complete, .complete])
    #expect(finished.messages.last?.stats.completionTokens == 5)
    #expect(finished.messages.last?.model == "qwen3:8b")
    guard case .conversationStarted(id)? = reports.all.first else {
      Issue.record("expected the new conversation's id, got \(reports.all)")
      return
    }
  }

  @Test func withNoSaveIntervalEachReleaseIsItsOwnRowInOrder() throws {
    let store = try ConversationStore.open(path: temporary.path)
    let recorder = ConversationRecorder(store: store, host: "h", api: "ollama", saveInterval: .zero) { _ in }
    recorder.startTurn(prompt: .user("q"), model: "m", settings: ConversationSettings())
    for word in ["one ", "two ", "three"] { recorder.record(ResponseBatch(events: [.answer(word)])) }
    recorder.flush()
    #expect(recorder.chunkTimings().count == 3)
    let id = try #require(try store.latestConversationID())
    #expect(try store.conversation(id).messages.last?.message.content == "one two three")
  }

  @Test func textGatheredForTheSaveIntervalIsWrittenWhenTheTurnEndsOrStops() throws {
    let store = try ConversationStore.open(path: temporary.path)
    let recorder = ConversationRecorder(store: store, host: "h", api: "ollama", saveInterval: .seconds(3600)) { _ in }
    recorder.startTurn(prompt: .user("q"), model: "m", settings: ConversationSettings())
    recorder.record(ResponseBatch(events: [.answer("kept "), .reasoning("thought")]))
    recorder.record(ResponseBatch(events: [.answer("on quit")]))
    recorder.abandonTurn(.cancelled)
    recorder.flush()
    let id = try #require(try store.latestConversationID())
    let last = try #require(try store.conversation(id).messages.last)
    #expect(last.status == .cancelled)
    #expect(last.message.content == "kept on quit")
    #expect(last.message.thinking == "thought")
    #expect(recorder.chunkTimings().count == 1)
  }

  @Test func theNextTurnGoesIntoTheSameConversationUntilToldOtherwise() throws {
    let store = try ConversationStore.open(path: temporary.path)
    let recorder = ConversationRecorder(store: store, host: "h", api: "ollama") { _ in }
    for prompt in ["one", "two"] {
      recorder.startTurn(prompt: .user(prompt), model: "m", settings: ConversationSettings())
      recorder.finishTurn([StoredMessage(message: .assistant("ok"))])
    }
    recorder.use(conversation: nil)
    recorder.startTurn(prompt: .user("three"), model: "m", settings: ConversationSettings(system: "terse"))
    recorder.abandonTurn(.interrupted)
    recorder.flush()
    let list = try store.recentConversations()
    #expect(list.count == 2)
    #expect(list.map(\.messageCount).sorted() == [2, 4])
    let newest = try store.conversation(try #require(try store.latestConversationID()))
    #expect(newest.settings.system == "terse")
    #expect(newest.messages.last?.status == .interrupted)
  }

  @Test func aRetryReplacesTheLastExchangeAndKeepsTheEarlierOnes() throws {
    let store = try ConversationStore.open(path: temporary.path)
    let recorder = ConversationRecorder(store: store, host: "h", api: "ollama") { _ in }
    recorder.startTurn(prompt: .user("one"), model: "m", settings: ConversationSettings())
    recorder.finishTurn([StoredMessage(message: .assistant("first"))])
    recorder.startTurn(prompt: .user("two"), model: "m", settings: ConversationSettings())
    recorder.record(ResponseBatch(events: [.reasoning("thinking and thinking")]))
    recorder.finishTurn([StoredMessage(message: .assistant("", thinking: "thinking and thinking"), status: .cutOff)])
    recorder.dropLastExchange()
    recorder.startTurn(prompt: .user("two"), model: "m", settings: ConversationSettings(options: ["num_predict": 1024]))
    recorder.finishTurn([StoredMessage(message: .assistant("second"))])
    recorder.flush()
    let saved = try store.conversation(try #require(try store.latestConversationID()))
    #expect(saved.messages.map(\.message.content) == ["one", "first", "two", "second"])
    #expect(saved.messages.map(\.status) == [.complete, .complete, .complete, .complete])
    #expect(saved.settings.options?["num_predict"]?.intValue == 1024)
    #expect(try store.search("thinking").isEmpty)
  }

  @Test func aFailingStoreReportsOnceAndStopsSaving() throws {
    let store = try ConversationStore.open(path: temporary.path)
    let reports = RecorderReports()
    // Conversation 42 does not exist: its first write breaks the foreign key.
    let recorder = ConversationRecorder(store: store, host: "h", api: "ollama", conversation: 42, report: reports.add)
    recorder.startTurn(prompt: .user("q"), model: "m", settings: ConversationSettings())
    recorder.record(ResponseBatch(events: [.answer("a")]))
    recorder.startTurn(prompt: .user("q2"), model: "m", settings: ConversationSettings())
    recorder.flush()
    #expect(reports.all.count == 1)
    guard case .failed(let reason)? = reports.all.first else {
      Issue.record("expected a failure report")
      return
    }
    #expect(!reason.isEmpty)
  }
}
