import GRDB

/// The conversation file's schema, one migration per version, applied in order by GRDB's
/// `DatabaseMigrator`. Never edit a migration that has shipped: add the next one.
enum StoreSchema {
  /// The migrations' identifiers, oldest first (tests migrate from each earlier one).
  static let versions = ["v1-conversations", "v2-full-text-search"]

  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration(versions[0]) { db in
      try db.execute(
        sql: """
          CREATE TABLE conversation (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            title TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            host TEXT NOT NULL DEFAULT '',
            api TEXT NOT NULL DEFAULT '',
            model TEXT NOT NULL DEFAULT '',
            system_prompt TEXT,
            think TEXT,
            options TEXT
          );
          CREATE INDEX conversation_updated ON conversation(updated_at);
          CREATE TABLE message (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            conversation_id INTEGER NOT NULL REFERENCES conversation(id) ON DELETE CASCADE,
            role TEXT NOT NULL,
            content TEXT NOT NULL DEFAULT '',
            reasoning TEXT,
            tool_calls TEXT,
            tool_name TEXT,
            tool_call_id TEXT,
            is_error INTEGER NOT NULL DEFAULT 0,
            images TEXT,
            status TEXT NOT NULL,
            error TEXT,
            model TEXT,
            done_reason TEXT,
            prompt_tokens INTEGER,
            completion_tokens INTEGER,
            tokens_per_second REAL,
            first_token_ms INTEGER,
            elapsed_ms INTEGER,
            created_at INTEGER NOT NULL,
            writer_pid INTEGER
          );
          CREATE INDEX message_conversation ON message(conversation_id, id);
          CREATE INDEX message_streaming ON message(status) WHERE status = 'streaming';
          -- The text of an answer while it streams, one row per release: appending is cheap
          -- whatever the answer's length, and a crash keeps every release up to the last.
          CREATE TABLE message_chunk (
            message_id INTEGER NOT NULL REFERENCES message(id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            reasoning TEXT NOT NULL DEFAULT '',
            answer TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (message_id, seq)
          ) WITHOUT ROWID;
          """)
    }
    migrator.registerMigration(versions[1]) { db in
      // Prompts, answers and reasoning, kept in step with `message` by triggers; built from
      // the rows already there.
      try db.create(virtualTable: "message_ft", using: FTS5()) { table in
        table.synchronize(withTable: "message")
        table.tokenizer = .unicode61()
        table.column("content")
        table.column("reasoning")
      }
    }
    return migrator
  }
}
