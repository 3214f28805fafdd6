import Foundation
import PonderCore
import PonderScreen
import PonderStore

/// The chat's link to the conversation store: records each turn as it streams and serves the
/// sessions screen (list, search, open, rename, delete), always off the loop that draws. Answers
/// come back as ``AppMessage``s through `send`.
///
/// Without a store (saving is off, or the file cannot be used) the chat works the same and the
/// sessions screen says why nothing is saved.
final class ChatPersistence: Sendable {
  let store: ConversationStore?
  private let recorder: ConversationRecorder?
  /// Why conversations are not saved; `nil` when they are.
  let unavailable: String?
  private let send: @Sendable (AppMessage) -> Void

  init(opening: StoreOpening, host: String, api: String, send: @escaping @Sendable (AppMessage) -> Void) {
    self.send = send
    store = opening.store
    unavailable = opening.problem
    recorder = opening.store.map { store in
      ConversationRecorder(store: store, host: host, api: api) { report in
        switch report {
        case .conversationStarted(let id): send(.conversationStarted(id))
        case .failed(let reason): send(.savingStopped(reason))
        }
      }
    }
  }

  /// A prompt was sent with these settings; a retry replaces the last saved exchange.
  func startTurn(_ request: ChatRequest, settings: ConversationSettings) {
    guard let prompt = request.messages.last, prompt.role == .user else { return }
    recorder?.startTurn(prompt: prompt, model: request.model, settings: settings)
  }

  /// One ResponseBuffer release of the running turn.
  func record(_ batch: ResponseBatch) { recorder?.record(batch) }

  /// The turn ended with these messages.
  func finishTurn(_ messages: [StoredMessage]) { recorder?.finishTurn(messages) }

  /// Ponder stops before the running turn ended.
  func abandonTurn(_ status: MessageStatus) { recorder?.abandonTurn(status) }

  /// `/retry` or a sent `/edit`: the last exchange leaves the saved conversation.
  func dropLastExchange() { recorder?.dropLastExchange() }

  /// Waits for every write asked so far.
  func flush() { recorder?.flush() }

  /// Continue `conversation` (or start a new one with the next prompt, for `nil`).
  func use(_ conversation: Int64?) { recorder?.use(conversation: conversation) }

  func list(_ query: String) {
    background { store in
      let result = Result { try store.search(query) }.mapError { StoreProblem(StoreError.message(of: $0)) }
      self.send(.sessionsListed(query: query, result, now: Int64(Date().timeIntervalSince1970)))
    }
  }

  func open(_ id: Int64) {
    background { store in
      do {
        let conversation = try store.conversation(id)
        self.recorder?.use(conversation: id)
        self.send(.conversationLoaded(conversation))
      } catch {
        self.send(.note(.error, "cannot open conversation \(id): \(StoreError.message(of: error))"))
      }
    }
  }

  func rename(_ id: Int64, to title: String, thenList query: String) {
    background { store in
      do {
        try store.rename(id, to: title)
        self.send(.note(.info, "renamed conversation \(id) to “\(title)”"))
      } catch {
        self.send(.note(.error, "cannot rename conversation \(id): \(StoreError.message(of: error))"))
      }
      self.list(query)
    }
  }

  func delete(_ id: Int64, thenList query: String) {
    background { store in
      do {
        try store.delete(id)
        self.send(.note(.info, "deleted conversation \(id)"))
      } catch {
        self.send(.note(.error, "cannot delete conversation \(id): \(StoreError.message(of: error))"))
      }
      self.list(query)
    }
  }

  private func background(_ work: @escaping @Sendable (ConversationStore) -> Void) {
    guard let store else {
      send(
        .sessionsListed(
          query: "", .failure(StoreProblem("conversations are not saved: \(unavailable ?? "saving is off")")), now: 0))
      return
    }
    DispatchQueue.global(qos: .userInitiated).async { work(store) }
  }
}
