import Foundation
import GRDB
import PonderCore

/// Ponder's conversations in one SQLite file (WAL, versioned migrations, an FTS5 index): the
/// only code that touches the database. Every method is synchronous and safe from any thread;
/// callers that must not wait (the chat's draw loop) go through ``ConversationRecorder``.
///
/// Several processes can use one file at once (a chat and an `ask`): writes take the lock at
/// once and wait up to five seconds for another writer. Every failure is a ``StoreError``.
public final class ConversationStore: Sendable {
  public let path: String
  private let pool: DatabasePool

  private init(path: String, pool: DatabasePool) {
    self.path = path
    self.pool = pool
  }

  /// Opens (creating if needed) the file at `path`, brings its schema up to date, and marks
  /// answers whose writer died mid-stream as interrupted, with their text so far.
  public static func open(path: String) throws -> ConversationStore {
    try open(path: path, busyTimeout: 5, pageLimit: nil)
  }

  /// `busyTimeout`: seconds a write waits for another writer. `pageLimit` caps the file's size
  /// in pages (tests use it to fill the "disk").
  static func open(path: String, busyTimeout: TimeInterval, pageLimit: Int?) throws -> ConversationStore {
    let folder = (path as NSString).deletingLastPathComponent
    if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder) {
      do {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
      } catch {
        throw StoreError("cannot create \(folder) for the conversation file")
      }
    }
    var config = Configuration()
    config.busyMode = .timeout(busyTimeout)
    config.foreignKeysEnabled = true
    config.prepareDatabase { db in
      // WAL with NORMAL: a commit survives a killed process; only a power cut may lose the last ones.
      try db.execute(sql: "PRAGMA synchronous = NORMAL")
      if let pageLimit { try db.execute(sql: "PRAGMA max_page_count = \(pageLimit)") }
    }
    do {
      let migrator = StoreSchema.migrator
      if FileManager.default.fileExists(atPath: path) {
        // Checked read-only first: opening a pool writes to the file (WAL set-up) even to read it.
        var readOnly = Configuration()
        readOnly.readonly = true
        readOnly.busyMode = .timeout(5)
        let superseded = try DatabaseQueue(path: path, configuration: readOnly).read { db in
          try migrator.hasBeenSuperseded(db)
        }
        if superseded {
          throw StoreError("\(path) was written by a newer Ponder; this one leaves it untouched")
        }
      }
      let pool = try DatabasePool(path: path, configuration: config)
      try migrator.migrate(pool)
      let store = ConversationStore(path: path, pool: pool)
      try store.recoverAbandonedAnswers()
      return store
    } catch {
      throw StoreError.from(error, path: path)
    }
  }

  /// The identifiers of the migrations applied to the file.
  public func appliedMigrations() throws -> [String] {
    try run(write: false) { db in try StoreSchema.migrator.appliedIdentifiers(db).sorted() }
  }

  /// `PRAGMA integrity_check`'s verdict: `ok` for a sound file.
  public func integrityCheck() throws -> String {
    try run(write: false) { db in try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "; ") }
  }

  // MARK: - Writing

  /// Starts a conversation; returns its id.
  public func createConversation(
    title: String, host: String, api: String, model: String, settings: ConversationSettings
  ) throws -> Int64 {
    try run(write: true) { db in
      let now = Self.now()
      try db.execute(
        sql: """
          INSERT INTO conversation (title, created_at, updated_at, host, api, model, system_prompt, think, options)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
          """,
        arguments: [
          title, now, now, host, api, model, settings.system, settings.think?.storedValue,
          settings.options?.serialized,
        ])
      return db.lastInsertedRowID
    }
  }

  /// Saves the model and settings the conversation now uses.
  public func updateSettings(_ conversation: Int64, model: String, settings: ConversationSettings) throws {
    try run(write: true) { db in
      try db.execute(
        sql: "UPDATE conversation SET model = ?, system_prompt = ?, think = ?, options = ? WHERE id = ?",
        arguments: [model, settings.system, settings.think?.storedValue, settings.options?.serialized, conversation])
    }
  }

  /// Adds a finished message; returns its id.
  @discardableResult
  public func append(_ message: StoredMessage, to conversation: Int64) throws -> Int64 {
    try run(write: true) { db in
      let id = try StoreRows.insert(message, into: conversation, db)
      try StoreRows.touch(conversation, db)
      return id
    }
  }

  /// Adds an empty assistant message that is streaming now; its text arrives by ``appendChunk``.
  public func beginAnswer(in conversation: Int64, model: String) throws -> Int64 {
    try run(write: true) { db in
      let placeholder = StoredMessage(message: .assistant(""), status: .streaming, model: model, createdAt: Self.now())
      let id = try StoreRows.insert(placeholder, into: conversation, db)
      try db.execute(sql: "UPDATE message SET writer_pid = ? WHERE id = ?", arguments: [Int64(getpid()), id])
      try StoreRows.touch(conversation, db)
      return id
    }
  }

  /// Appends one release of a streaming answer: its new reasoning and answer text.
  ///
  /// The hot path while a response streams: one prepared statement, no explicit transaction (a
  /// single INSERT is atomic by itself).
  public func appendChunk(to message: Int64, seq: Int, reasoning: String, answer: String) throws {
    do {
      try pool.writeWithoutTransaction { db in
        try db.cachedStatement(
          sql: "INSERT INTO message_chunk (message_id, seq, reasoning, answer) VALUES (?, ?, ?, ?)"
        )
        .execute(arguments: [message, seq, reasoning, answer])
      }
    } catch {
      throw StoreError.from(error, path: path)
    }
  }

  /// Ends a streaming answer: the placeholder becomes the first of `messages` (a tool-using turn
  /// adds the calls' results and later answers after it) and its chunks are dropped.
  public func finishAnswer(_ message: Int64, in conversation: Int64, with messages: [StoredMessage]) throws {
    try run(write: true) { db in
      try db.execute(sql: "DELETE FROM message_chunk WHERE message_id = ?", arguments: [message])
      guard let first = messages.first else {
        try db.execute(sql: "DELETE FROM message WHERE id = ?", arguments: [message])
        return
      }
      try StoreRows.update(message, to: first, db)
      for later in messages.dropFirst() { _ = try StoreRows.insert(later, into: conversation, db) }
      try StoreRows.touch(conversation, db)
    }
  }

  /// Ends a streaming answer that cannot finish (Ponder is stopping): its chunks become its
  /// text, with `status`.
  public func abandonAnswer(_ message: Int64, status: MessageStatus) throws {
    try run(write: true) { db in try Self.consolidate(message, status: status, db) }
  }

  /// Deletes the conversation's last prompt and everything after it (`/retry`, `/edit`).
  public func deleteLastExchange(in conversation: Int64) throws {
    try run(write: true) { db in
      guard
        let last = try Int64.fetchOne(
          db, sql: "SELECT MAX(id) FROM message WHERE conversation_id = ? AND role = 'user'", arguments: [conversation])
      else { return }
      try db.execute(sql: "DELETE FROM message WHERE conversation_id = ? AND id >= ?", arguments: [conversation, last])
    }
  }

  public func rename(_ conversation: Int64, to title: String) throws {
    try run(write: true) { db in
      try db.execute(sql: "UPDATE conversation SET title = ? WHERE id = ?", arguments: [title, conversation])
      if db.changesCount == 0 { throw StoreError("no conversation \(conversation)") }
    }
  }

  public func delete(_ conversation: Int64) throws {
    try run(write: true) { db in
      try db.execute(sql: "DELETE FROM conversation WHERE id = ?", arguments: [conversation])
      if db.changesCount == 0 { throw StoreError("no conversation \(conversation)") }
    }
  }

  // MARK: - Reading

  /// The most recently updated conversations first.
  public func recentConversations(limit: Int = 200) throws -> [ConversationSummary] {
    try run(write: false) { db in
      try Row.fetchAll(
        db, sql: StoreRows.summarySQL + " ORDER BY c.updated_at DESC, c.id DESC LIMIT ?", arguments: [limit]
      )
      .map { StoreRows.summary($0, snippet: nil) }
    }
  }

  /// Conversations whose prompts, answers or reasoning hold every word of `text` (each as a
  /// prefix, so it filters as you type), best match first, each with its best passage; titles
  /// that contain the text match too.
  public func search(_ text: String, limit: Int = 100) throws -> [ConversationSummary] {
    let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
    if trimmed.isEmpty { return try recentConversations(limit: limit) }
    return try run(write: false) { db in
      var results: [ConversationSummary] = []
      var seen = Set<Int64>()
      if let pattern = FTS5Pattern(matchingAllPrefixesIn: trimmed) {
        let open = String(ConversationSummary.Snippet.open)
        let close = String(ConversationSummary.Snippet.close)
        let hits = try Row.fetchAll(
          db,
          sql: """
            SELECT m.conversation_id AS cid, snippet(message_ft, -1, ?, ?, '…', 12) AS snip
            FROM message_ft JOIN message m ON m.id = message_ft.rowid
            WHERE message_ft MATCH ? ORDER BY bm25(message_ft) LIMIT 2000
            """, arguments: [open, close, pattern])
        for hit in hits {
          let id: Int64 = hit["cid"]
          guard !seen.contains(id), results.count < limit else { continue }
          seen.insert(id)
          if let row = try Row.fetchOne(db, sql: StoreRows.summarySQL + " WHERE c.id = ?", arguments: [id]) {
            results.append(StoreRows.summary(row, snippet: hit["snip"]))
          }
        }
      }
      let titled = try Row.fetchAll(
        db, sql: StoreRows.summarySQL + " WHERE c.title LIKE ? ESCAPE '\\' ORDER BY c.updated_at DESC LIMIT ?",
        arguments: ["%" + StoreRows.escapeLike(trimmed) + "%", limit])
      for row in titled where results.count < limit {
        let summary = StoreRows.summary(row, snippet: nil)
        if seen.insert(summary.id).inserted { results.append(summary) }
      }
      return results
    }
  }

  /// The id of the most recently updated conversation, if there is one.
  public func latestConversationID() throws -> Int64? {
    try run(write: false) { db in
      try Int64.fetchOne(db, sql: "SELECT id FROM conversation ORDER BY updated_at DESC, id DESC LIMIT 1")
    }
  }

  /// A whole conversation; an answer still streaming in another process shows its text so far.
  public func conversation(_ id: Int64) throws -> SavedConversation {
    try run(write: false) { db in
      guard let row = try Row.fetchOne(db, sql: StoreRows.summarySQL + " WHERE c.id = ?", arguments: [id]) else {
        throw StoreError("no conversation \(id) (`ponder sessions` lists them)")
      }
      let settings = ConversationSettings(
        system: row["system_prompt"], think: (row["think"] as String?).flatMap(ThinkSetting.init(storedValue:)),
        options: (row["options"] as String?).flatMap { try? JSONValue.parse($0) })
      var messages: [StoredMessage] = []
      for messageRow in try Row.fetchAll(
        db, sql: "SELECT * FROM message WHERE conversation_id = ? ORDER BY id", arguments: [id])
      {
        var stored = StoreRows.message(messageRow)
        if stored.status == .streaming, let messageID = stored.id {
          let (reasoning, answer) = try Self.chunks(of: messageID, db)
          stored.message.content = answer
          stored.message.thinking = reasoning.isEmpty ? nil : reasoning
        }
        messages.append(stored)
      }
      return SavedConversation(summary: StoreRows.summary(row, snippet: nil), settings: settings, messages: messages)
    }
  }

  /// Moves everything in the write-ahead log into the file and empties the log.
  public func checkpoint() throws {
    do {
      _ = try pool.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
    } catch {
      throw StoreError.from(error, path: path)
    }
  }

  /// Bytes the file and its write-ahead log take on disk.
  public func fileSize() -> Int64 {
    [path, path + "-wal"].reduce(0) { total, file in
      total + ((try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int64) ?? 0)
    }
  }

  // MARK: - Internals

  private func run<T>(write: Bool, _ body: (Database) throws -> T) throws -> T {
    do {
      return write ? try pool.write(body) : try pool.read(body)
    } catch {
      throw StoreError.from(error, path: path)
    }
  }

  /// Answers left `streaming` by a process that no longer runs become `interrupted`.
  private func recoverAbandonedAnswers() throws {
    try pool.write { db in
      let rows = try Row.fetchAll(db, sql: "SELECT id, writer_pid FROM message WHERE status = 'streaming'")
      for row in rows {
        let pid: Int64? = row["writer_pid"]
        if let pid, Self.isRunning(pid) { continue }
        try Self.consolidate(row["id"], status: .interrupted, db)
      }
    }
  }

  static func isRunning(_ pid: Int64) -> Bool {
    guard pid > 0, pid != Int64(getpid()) else { return false }
    return kill(pid_t(pid), 0) == 0 || errno == EPERM
  }

  private static func consolidate(_ message: Int64, status: MessageStatus, _ db: Database) throws {
    let (reasoning, answer) = try chunks(of: message, db)
    try db.execute(
      sql: "UPDATE message SET content = ?, reasoning = ?, status = ?, writer_pid = NULL WHERE id = ?",
      arguments: [answer, reasoning.isEmpty ? nil : reasoning, status.rawValue, message])
    try db.execute(sql: "DELETE FROM message_chunk WHERE message_id = ?", arguments: [message])
  }

  private static func chunks(of message: Int64, _ db: Database) throws -> (reasoning: String, answer: String) {
    var reasoning = ""
    var answer = ""
    let rows = try Row.fetchCursor(
      db, sql: "SELECT reasoning, answer FROM message_chunk WHERE message_id = ? ORDER BY seq", arguments: [message])
    while let row = try rows.next() {
      reasoning += row[0] as String
      answer += row[1] as String
    }
    return (reasoning, answer)
  }

  static func now() -> Int64 { Int64(Date().timeIntervalSince1970) }
}
