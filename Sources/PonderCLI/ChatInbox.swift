import Foundation

/// The chat loop's mailbox: events put in from any thread (the network thread's releases, the
/// input watcher, signals, timers), handed in order to the loop's handler on the main actor.
///
/// Not a task waiting on a continuation: a resumed continuation is run first on Swift's global
/// pool and only then hops to the main actor, which woke two threads for every frame (traced with
/// `perf`: most of the pool's wake-ups during a stream). Here a `yield` into an idle inbox starts
/// one main-actor task that hands over everything queued: one thread woken per batch of events.
final class ChatInbox<Event: Sendable>: @unchecked Sendable {
  typealias Handler = @MainActor @Sendable (Event) -> Void

  private let lock = NSLock()
  private var queued: [Event] = []
  /// The index in `queued` of the next event to take.
  private var head = 0
  private var handler: Handler?
  /// A main-actor task is on its way to take the queued events (or taking them).
  private var draining = false
  private var stopped = false

  /// Puts `event` in; never waits.
  func yield(_ event: Event) {
    lock.lock()
    guard !stopped else {
      lock.unlock()
      return
    }
    queued.append(event)
    let start = handler != nil && !draining
    if start { draining = true }
    lock.unlock()
    if start { Task { @MainActor in self.drain() } }
  }

  /// Hands every event, those queued already first, to `handle`, one at a time, until ``stop()``.
  @MainActor func start(_ handle: @escaping Handler) {
    lock.withLock {
      handler = handle
      draining = true
    }
    drain()
  }

  /// No more events are handed over (the loop has ended); later ones are dropped.
  @MainActor func stop() {
    lock.withLock {
      stopped = true
      handler = nil
      queued.removeAll()
      head = 0
    }
  }

  @MainActor private func drain() {
    while true {
      let next = lock.withLock { () -> (Event, Handler)? in
        guard let handler, let event = take() else {
          draining = false
          return nil
        }
        return (event, handler)
      }
      guard let (event, handle) = next else { return }
      handle(event)
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
