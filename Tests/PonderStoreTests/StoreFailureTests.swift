import Foundation
import GRDB
import PonderCore
import Testing

@testable import PonderStore

/// A store that cannot write says why in one line, stops, and damages nothing already saved.
@Suite struct StoreFailureTests {
  let temporary = TemporaryDatabase()

  @Test func aFullDiskStopsSavingWithOneLineAndKeepsWhatWasSaved() throws {
    do {
      let store = try ConversationStore.open(path: temporary.path)
      let id = try store.createConversation(
        title: "kept", host: "", api: "", model: "m", settings: ConversationSettings())
      try store.append(StoredMessage(message: .user("an earlier prompt")), to: id)
    }
    let pages = try DatabaseQueue(path: temporary.path).read { db in try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
    }
    let store = try ConversationStore.open(path: temporary.path, busyTimeout: 5, pageLimit: pages + 2)
    let reports = RecorderReports()
    let recorder = ConversationRecorder(store: store, host: "h", api: "ollama", report: reports.add)
    recorder.startTurn(prompt: .user("a new prompt"), model: "m", settings: ConversationSettings())
    let release = String(repeating: "a long answer fills the disk ", count: 200)
    for _ in 0..<50 { recorder.record(ResponseBatch(events: [.answer(release)])) }
    recorder.flush()
    #expect(reports.failures.count == 1)
    #expect(reports.failures.first?.contains("is full") == true)
    #expect(reports.failures.first?.contains("\n") == false)
    let reader = try ConversationStore.open(path: temporary.path)
    #expect(try reader.integrityCheck() == "ok")
    #expect(try reader.search("earlier").map(\.title) == ["kept"])
  }

  @Test func aWriterHoldingTheLockTooLongIsReportedAsLocked() throws {
    let store = try ConversationStore.open(path: temporary.path, busyTimeout: 0.2, pageLimit: nil)
    let other = try DatabaseQueue(path: temporary.path)
    let reports = RecorderReports()
    let recorder = ConversationRecorder(store: store, host: "h", api: "ollama", report: reports.add)
    try other.inDatabase { db in
      try db.execute(sql: "BEGIN IMMEDIATE")
      recorder.startTurn(prompt: .user("q"), model: "m", settings: ConversationSettings())
      recorder.flush()
      try db.execute(sql: "ROLLBACK")
    }
    #expect(reports.failures == ["\(temporary.path) is locked by another process"])
  }
}
