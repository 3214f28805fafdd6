import Foundation

/// The chat loop's mailbox: events put in from any thread (the network thread's releases, the
/// input watcher, signals, timers), taken out in order by the loop on the main actor.
///
/// The loop's wait resumes straight on the main actor. Waiting on an `AsyncStream` resumed on
/// Swift's global pool first and then hopped to the main actor: a second thread woken for every
/// frame.
final class ChatInbox<Event: Sendable>: @unchecked Sendable {
  private let lock = NSLock()
  private var queued: [Event] = []
  /// The index in `queued` of the next event to take.
  private var head = 0
  private var waiter: CheckedContinuation<Event, Never>?

  /// Puts `event` in; never waits.
  func yield(_ event: Event) {
    lock.lock()
    guard let waiter else {
      queued.append(event)
      lock.unlock()
      return
    }
    self.waiter = nil
    lock.unlock()
    waiter.resume(returning: event)
  }

  /// The next event, waiting for one if there is none. One task takes events at a time.
  @MainActor func next() async -> Event {
    if let event = lock.withLock({ take() }) { return event }
    return await withCheckedContinuation { continuation in
      lock.lock()
      if let event = take() {
        lock.unlock()
        continuation.resume(returning: event)
        return
      }
      waiter = continuation
      lock.unlock()
    }
  }

  /// The oldest queued event, if any. Under `lock`.
  private func take() -> Event? {
    guard head < queued.count else { return nil }
    let event = queued[head]
    head += 1
    if head == queued.count {
      queued.removeAll(keepingCapacity: true)
      head = 0
    }
    return event
  }
}
