import Foundation
import Testing

@testable import PonderCLI

/// The chat loop's mailbox: every event put in from other threads reaches the handler on the
/// main actor, each thread's in the order it put them, whether the loop was idle or busy; events
/// put in before the loop starts come first, and none after it stops.
@Suite struct ChatInboxTests {
  /// Collects what the handler is handed, and says when `count` events have come.
  @MainActor final class Received<Event> {
    var events: [Event] = []
    var waiting: (count: Int, continuation: CheckedContinuation<Void, Never>)?
    func add(_ event: Event) {
      MainActor.preconditionIsolated()
      events.append(event)
      if let waiting, events.count >= waiting.count {
        self.waiting = nil
        waiting.continuation.resume()
      }
    }
    func wait(for count: Int) async {
      if events.count >= count { return }
      await withCheckedContinuation { waiting = (count, $0) }
    }
  }

  @MainActor @Test func eventsFromManyThreadsAllArriveInEachThreadsOrder() async {
    let inbox = ChatInbox<Pair>()
    let received = Received<Pair>()
    inbox.start { received.add($0) }
    let producers = 4
    let each = 2000
    for producer in 0..<producers {
      Thread.detachNewThread {
        for index in 0..<each {
          inbox.yield(Pair(producer: producer, index: index))
          if index.isMultiple(of: 500) { usleep(1000) }
        }
      }
    }
    await received.wait(for: producers * each)
    var next = Array(repeating: 0, count: producers)
    for event in received.events {
      #expect(event.index == next[event.producer])
      next[event.producer] = event.index + 1
    }
    #expect(next == Array(repeating: each, count: producers))
    inbox.stop()
  }

  @MainActor @Test func eventsBeforeTheStartComeFirstAndNoneAfterTheStop() async {
    let inbox = ChatInbox<String>()
    inbox.yield("early")
    let received = Received<String>()
    inbox.start { received.add($0) }
    #expect(received.events == ["early"])
    Thread.detachNewThread {
      usleep(20_000)
      inbox.yield("late")
    }
    await received.wait(for: 2)
    #expect(received.events == ["early", "late"])
    inbox.stop()
    inbox.yield("after the stop")
    await Task.yield()
    #expect(received.events == ["early", "late"])
  }

  struct Pair: Sendable {
    var producer: Int
    var index: Int
  }
}
