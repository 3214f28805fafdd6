import Foundation
import Testing

@testable import PonderCLI

/// The chat loop's mailbox: every event put in from other threads comes out, each thread's in
/// the order it put them, whether the loop was waiting or busy.
@Suite struct ChatInboxTests {
  @MainActor @Test func eventsFromManyThreadsAllArriveInEachThreadsOrder() async {
    let inbox = ChatInbox<(producer: Int, index: Int)>()
    let producers = 4
    let each = 2000
    for producer in 0..<producers {
      Thread.detachNewThread {
        for index in 0..<each {
          inbox.yield((producer, index))
          if index.isMultiple(of: 500) { usleep(1000) }
        }
      }
    }
    var next = Array(repeating: 0, count: producers)
    for _ in 0..<(producers * each) {
      let event = await inbox.next()
      #expect(event.index == next[event.producer])
      next[event.producer] = event.index + 1
    }
    #expect(next == Array(repeating: each, count: producers))
  }

  @MainActor @Test func aWaitingLoopWakesForTheNextEvent() async {
    let inbox = ChatInbox<String>()
    Thread.detachNewThread {
      usleep(20_000)
      inbox.yield("late")
    }
    #expect(await inbox.next() == "late")
    inbox.yield("queued")
    #expect(await inbox.next() == "queued")
  }
}
