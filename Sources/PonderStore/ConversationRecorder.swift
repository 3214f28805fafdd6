import Dispatch
import PonderCore

/// Saves the conversation on screen as it streams, without the screen ever waiting for the disk.
///
/// Every call returns at once: the work runs in order on one serial queue. A turn is a user
/// message, then an assistant message saved as `streaming` whose text grows by one row per
/// ResponseBuffer release (cheap to append, and a killed process keeps everything up to its last
/// release), then the turn's messages with their status. The first failure stops saving for the
/// session and is reported once; the chat goes on.
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

  public init(
    store: ConversationStore, host: String, api: String, conversation: Int64? = nil,
    report: @escaping @Sendable (Report) -> Void
  ) {
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

  /// One release of the streaming answer: appends its text.
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
    queue.async { [reasoning, answer] in
      guard let message = self.openAnswer else { return }
      self.attempt {
        let start = ContinuousClock.now
        try self.store.appendChunk(to: message, seq: self.seq, reasoning: reasoning, answer: answer)
        let took = ContinuousClock.now - start
        self.chunkNanoseconds.append(
          took.components.seconds * 1_000_000_000 + took.components.attoseconds / 1_000_000_000)
        self.seq += 1
      }
    }
  }

  /// The turn ended: its messages replace the streaming answer.
  public func finishTurn(_ messages: [StoredMessage]) {
    queue.async {
      guard let message = self.openAnswer, let conversation = self.conversation else { return }
      self.openAnswer = nil
      self.attempt { try self.store.finishAnswer(message, in: conversation, with: messages) }
    }
  }

  /// Ponder is stopping before the turn ended: the answer keeps its text so far, with `status`.
  public func abandonTurn(_ status: MessageStatus) {
    queue.async {
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

  /// Waits until everything asked so far is written.
  public func flush() {
    queue.sync {}
  }

  /// How long each release's write took, in nanoseconds (for `scripts/bench-live`).
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
