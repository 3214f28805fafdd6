import Dispatch
import Foundation
import PonderCore

/// Saves the conversation on screen as it streams, without the screen ever waiting for the disk.
///
/// Every call returns at once: the work runs in order on one serial queue. A turn is a user
/// message, then an assistant message saved as `streaming` whose text grows by one row per
/// `saveInterval` of released text (cheap to append; a killed process keeps everything released
/// up to one interval before it died), then the turn's messages with their status. Releases in
/// between are gathered without touching the queue, so a fast stream costs a few writes a
/// second, not one thread hop and one transaction per release. The first failure stops saving
/// for the session and is reported once; the chat goes on.
public final class ConversationRecorder: @unchecked Sendable {
  /// What the recorder tells its owner, on its queue.
  public enum Report: Sendable {
    /// A new conversation was started in the store, with this id.
    case conversationStarted(Int64)
    /// Saving stopped; the reason in one line.
    case failed(String)
  }

  private let store: ConversationStore
  private let host: String
  private let api: String
  private let report: @Sendable (Report) -> Void
  private let queue = DispatchQueue(label: "ponder.recorder")
  // Touched only on `queue`.
  private var conversation: Int64?
  private var openAnswer: Int64?
  private var seq = 0
  private var stopped = false
  private var chunkNanoseconds: [Int64] = []
  /// How long released text may wait before it is written.
  private let saveInterval: Duration
  /// Released text not written yet, and whether a write of it is scheduled. Guarded by
  /// `pendingLock`, not the queue: ``record(_:)`` runs on the caller's thread.
  private let pendingLock = NSLock()
  private var pendingReasoning = ""
  private var pendingAnswer = ""
  private var writeScheduled = false

  /// Released text is written at most `saveInterval` after it was released (`.zero`: each
  /// release at once).
  public init(
    store: ConversationStore, host: String, api: String, conversation: Int64? = nil,
    saveInterval: Duration = .milliseconds(250), report: @escaping @Sendable (Report) -> Void
  ) {
    self.saveInterval = saveInterval
    self.store = store
    self.host = host
    self.api = api
    self.conversation = conversation
    self.report = report
  }

  /// The next turn goes into `conversation`; `nil` starts a new one with the next prompt.
  public func use(conversation id: Int64?) {
    queue.async { self.conversation = id }
  }

  /// A prompt was sent: saves it (starting the conversation if needed) and opens its answer.
  public func startTurn(prompt: ChatMessage, model: String, settings: ConversationSettings) {
    queue.async {
      self.attempt {
        let id: Int64
        if let existing = self.conversation {
          id = existing
          try self.store.updateSettings(id, model: model, settings: settings)
        } else {
          id = try self.store.createConversation(
            title: SavedConversation.title(from: prompt.content), host: self.host, api: self.api, model: model,
            settings: settings)
          self.conversation = id
          self.report(.conversationStarted(id))
        }
        try self.store.append(StoredMessage(message: prompt), to: id)
        self.openAnswer = try self.store.beginAnswer(in: id, model: model)
        self.seq = 0
      }
    }
  }

  /// One release of the streaming answer: its text is appended within `saveInterval`.
  public func record(_ batch: ResponseBatch) {
    var reasoning = ""
    var answer = ""
    for event in batch.events {
      switch event {
      case .reasoning(let text): reasoning += text
      case .answer(let text): answer += text
      case .toolCalls, .done, .error: break
      }
    }
    if reasoning.isEmpty, answer.isEmpty { return }
    guard saveInterval > .zero else {
      queue.async { [reasoning, answer] in self.write(reasoning: reasoning, answer: answer) }
      return
    }
    let schedule = pendingLock.withLock {
      pendingReasoning += reasoning
      pendingAnswer += answer
      defer { writeScheduled = true }
      return !writeScheduled
    }
    guard schedule else { return }
    queue.asyncAfter(deadline: .now() + .nanoseconds(Int(saveInterval.nanoseconds))) { self.writePending() }
  }

  /// Writes the text gathered since the last write. On `queue`.
  private func writePending() {
    let (reasoning, answer) = pendingLock.withLock {
      defer {
        pendingReasoning = ""
        pendingAnswer = ""
        writeScheduled = false
      }
      return (pendingReasoning, pendingAnswer)
    }
    write(reasoning: reasoning, answer: answer)
  }

  /// Appends one row of text to the open answer. On `queue`.
  private func write(reasoning: String, answer: String) {
    guard !reasoning.isEmpty || !answer.isEmpty, let message = openAnswer else { return }
    attempt {
      let start = ContinuousClock.now
      try store.appendChunk(to: message, seq: seq, reasoning: reasoning, answer: answer)
      let took = ContinuousClock.now - start
      chunkNanoseconds.append(took.nanoseconds)
      seq += 1
    }
  }

  /// The turn ended: its messages replace the streaming answer.
  public func finishTurn(_ messages: [StoredMessage]) {
    queue.async {
      self.writePending()
      guard let message = self.openAnswer, let conversation = self.conversation else { return }
      self.openAnswer = nil
      self.attempt { try self.store.finishAnswer(message, in: conversation, with: messages) }
    }
  }

  /// Ponder is stopping before the turn ended: the answer keeps its text so far, with `status`.
  public func abandonTurn(_ status: MessageStatus) {
    queue.async {
      self.writePending()
      guard let message = self.openAnswer else { return }
      self.openAnswer = nil
      self.attempt { try self.store.abandonAnswer(message, status: status) }
    }
  }

  /// The last prompt and its answer leave the conversation (`/retry`, `/edit`).
  public func dropLastExchange() {
    queue.async {
      guard let conversation = self.conversation, self.openAnswer == nil else { return }
      self.attempt { try self.store.deleteLastExchange(in: conversation) }
    }
  }

  /// Waits until everything asked so far is written, released text included.
  public func flush() {
    queue.sync { writePending() }
  }

  /// How long each write of released text took, in nanoseconds (for `scripts/bench-live`).
  public func chunkTimings() -> [Int64] {
    queue.sync { chunkNanoseconds }
  }

  private func attempt(_ work: () throws -> Void) {
    guard !stopped else { return }
    do {
      try work()
    } catch {
      stopped = true
      openAnswer = nil
      report(.failed(StoreError.from(error, path: store.path).message))
    }
  }
}
