import Foundation
import GRDB
import PonderCore
import Testing

@testable import PonderStore

@Suite struct StoreMigrationTests {
  let temporary = TemporaryDatabase()

  /// A file left at each earlier schema, with data in it, opens with every migration applied
  /// and its messages searchable.
  @Test(arguments: StoreSchema.versions.indices.dropLast())
  func aFileAtAnEarlierSchemaIsMigratedWithItsData(_ last: Int) throws {
    try FileManager.default.createDirectory(atPath: temporary.folder, withIntermediateDirectories: true)
    let old = try DatabasePool(path: temporary.path)
    try StoreSchema.migrator.migrate(old, upTo: StoreSchema.versions[last])
    try old.write { db in
      try db.execute(
        sql: "INSERT INTO conversation (title, created_at, updated_at) VALUES ('old chat', 1, 1)")
      try db.execute(
        sql: """
          INSERT INTO message (conversation_id, role, content, reasoning, status, created_at)
          VALUES (1, 'assistant', 'penguins live in the south', 'cold birds', 'complete', 1)
          """)
    }
    try old.close()

    let store = try ConversationStore.open(path: temporary.path)
    #expect(try store.appliedMigrations() == StoreSchema.versions.sorted())
    #expect(try store.search("penguin").map(\.id) == [1])
    #expect(try store.search("cold").map(\.id) == [1])
    #expect(try store.conversation(1).messages.first?.message.content == "penguins live in the south")
  }

  @Test func aFileFromANewerPonderIsRefusedAndLeftUntouched() throws {
    do {
      let store = try ConversationStore.open(path: temporary.path)
      _ = try store.createConversation(title: "kept", host: "", api: "", model: "", settings: ConversationSettings())
    }
    try DatabaseQueue(path: temporary.path).write { db in
      try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')")
    }
    let before = try dump()
    let bytes = try Data(contentsOf: URL(fileURLWithPath: temporary.path))
    do {
      _ = try ConversationStore.open(path: temporary.path)
      Issue.record("a newer file must not open")
    } catch let error as StoreError {
      #expect(error.message.contains("newer Ponder"))
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: temporary.path)) == bytes)
    #expect(try dump() == before)
  }

  @Test func aFileThatIsNotADatabaseIsReportedInOneLine() throws {
    try FileManager.default.createDirectory(atPath: temporary.folder, withIntermediateDirectories: true)
    let garbage = Data((0..<8192).map { UInt8(truncatingIfNeeded: $0 &* 31) })
    try garbage.write(to: URL(fileURLWithPath: temporary.path))
    do {
      _ = try ConversationStore.open(path: temporary.path)
      Issue.record("garbage must not open")
    } catch let error as StoreError {
      #expect(error.message.contains("is not a Ponder database"))
      #expect(!error.message.contains("\n"))
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: temporary.path)) == garbage)
  }

  @Test func theFolderIsCreatedWhenMissing() throws {
    let nested = temporary.folder + "/a/b/ponder.sqlite"
    let store = try ConversationStore.open(path: nested)
    #expect(FileManager.default.fileExists(atPath: nested))
    #expect(try store.integrityCheck() == "ok")
  }

  private func dump() throws -> [String] {
    try DatabaseQueue(path: temporary.path).read { db in
      try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier")
        + String.fetchAll(db, sql: "SELECT title FROM conversation ORDER BY id")
    }
  }
}
