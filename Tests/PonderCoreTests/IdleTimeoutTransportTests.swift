import Foundation
import PonderCore
import PonderTestSupport
import Testing

/// A response that starts and then falls silent ends after the idle timeout; silence before the
/// first byte is never timed; steady data never trips it.
@Suite struct IdleTimeoutTransportTests {
  /// Answers with one chunk (after `firstChunkAfter` on `clock`), then never another until cancelled.
  static func stalling(firstChunkAfter: Duration? = nil, clock: ManualClock) -> CannedTransport {
    let wait = firstChunkAfter.map { [CannedTransport.Step.wait($0)] } ?? []
    return CannedTransport([.init(body: wait + [.chunk(Array("first".utf8)), .stall])], clock: clock)
  }

  @Test func silenceAfterTheFirstByteEndsTheResponse() async throws {
    let clock = ManualClock()
    let transport = IdleTimeoutTransport(Self.stalling(clock: clock), timeout: .seconds(300), clock: clock)
    let response = try await transport.send(HTTPRequestSpec(method: .get, url: "http://h/"))
    let reading = Task {
      var iterator = response.body.makeAsyncIterator()
      _ = try await iterator.next()
      return try await iterator.next()
    }
    await clock.waitForSleepers(1)  // the idle timer; the stalled read waits for its cancellation
    clock.advance(by: .seconds(299))
    #expect(clock.sleeperCount == 1)
    clock.advance(by: .seconds(1))
    let result = await reading.result
    guard case .failure(let error as ChatError) = result else {
      Issue.record("expected the silence to fail the read, got \(result)")
      return
    }
    #expect(error == ChatError(.connectionLost, "no data from the server for 300 s"))
  }

  /// A transport that times its own reads answers with a body that says how it was asked to.
  struct SelfTimingTransport: HTTPTransport {
    func send(_ request: HTTPRequestSpec) async throws -> HTTPResponseStream {
      HTTPResponseStream(
        status: 200, headers: [],
        body: ResponseBody(
          { { nil } },
          timingReads: { idle, failure in
            var told = Optional(Array("timed \(idle.components.seconds) s: \(failure.message)".utf8))
            return {
              defer { told = nil }
              return told
            }
          }))
    }
  }

  /// On the continuous clock the transport's own timing is used, with the silence error; on any
  /// other clock (a test's) the reads go through the idle reader, which that clock drives.
  @Test func aBodyThatTimesItsOwnReadsIsTimedByItsTransport() async throws {
    let timed = IdleTimeoutTransport(SelfTimingTransport(), timeout: .seconds(300), clock: ContinuousClock())
    let body = try await timed.send(HTTPRequestSpec(method: .get, url: "http://h/")).body
    var chunks: [String] = []
    for try await chunk in body { chunks.append(String(decoding: chunk, as: UTF8.self)) }
    #expect(chunks == ["timed 300 s: no data from the server for 300 s"])
    let manual = IdleTimeoutTransport(SelfTimingTransport(), timeout: .seconds(300), clock: ManualClock())
    var untimed = try await manual.send(HTTPRequestSpec(method: .get, url: "http://h/")).body.makeAsyncIterator()
    #expect(try await untimed.next() == nil)
  }

  @Test func silenceBeforeTheFirstByteIsNotTimed() async throws {
    let clock = ManualClock()
    let transport = IdleTimeoutTransport(
      Self.stalling(firstChunkAfter: .seconds(900), clock: clock), timeout: .seconds(300), clock: clock)
    let response = try await transport.send(HTTPRequestSpec(method: .get, url: "http://h/"))
    let reading = Task {
      var iterator = response.body.makeAsyncIterator()
      return try await iterator.next()
    }
    await clock.waitForSleepers(1)
    // Only the model's load is waiting: no idle timer runs yet.
    #expect(clock.sleeperCount == 1)
    clock.advance(by: .seconds(900))
    #expect(try await reading.value == Array("first".utf8))
  }

  @Test func steadyDataNeverTripsIt() async throws {
    let clock = ManualClock()
    let steps: [CannedTransport.Step] = (0..<4).flatMap { [.wait(.seconds(200)), .chunk(Array("c\($0)".utf8))] }
    let canned = CannedTransport([.init(body: [.chunk(Array("first".utf8))] + steps)], clock: clock)
    let transport = IdleTimeoutTransport(canned, timeout: .seconds(300), clock: clock)
    let response = try await transport.send(HTTPRequestSpec(method: .get, url: "http://h/"))
    let reading = Task {
      var chunks: [String] = []
      for try await chunk in response.body { chunks.append(String(decoding: chunk, as: UTF8.self)) }
      return chunks
    }
    for _ in 0..<4 {
      await clock.waitForSleepers(2)  // the body's next wait and the watchdog
      clock.advance(by: .seconds(200))
    }
    #expect(try await reading.value == ["first", "c0", "c1", "c2", "c3"])
  }

  /// A transport whose body gives one chunk, then a read that lasts until its task is cancelled,
  /// which it notes: what closes a real connection.
  final class CancellationNoting: HTTPTransport, @unchecked Sendable {
    let signal = StateSignal()
    private let lock = NSLock()
    private var cancelledReads = 0
    var cancelled: Int { lock.withLock { cancelledReads } }

    func send(_ request: HTTPRequestSpec) async throws -> HTTPResponseStream {
      HTTPResponseStream(
        status: 200, headers: [],
        body: ResponseBody {
          var first = true
          return {
            if first {
              first = false
              return Array("first".utf8)
            }
            do {
              try await Task.sleep(for: .seconds(3600))
            } catch {
              self.lock.withLock { self.cancelledReads += 1 }
              self.signal.changed()
              throw error
            }
            return nil
          }
        })
    }
  }

  @Test func cancellingTheConsumerCancelsTheReadInFlight() async throws {
    let clock = ManualClock()
    let inner = CancellationNoting()
    let transport = IdleTimeoutTransport(inner, timeout: .seconds(300), clock: clock)
    let response = try await transport.send(HTTPRequestSpec(method: .get, url: "http://h/"))
    let reading = Task {
      var iterator = response.body.makeAsyncIterator()
      _ = try await iterator.next()
      return try await iterator.next()
    }
    await clock.waitForSleepers(1)  // the watchdog: the second read is under way
    reading.cancel()
    guard case .failure = await reading.result else {
      Issue.record("a cancelled read must fail")
      return
    }
    #expect(await inner.signal.wait { inner.cancelled == 1 }, "the inner read (the connection) is cancelled")
    #expect(clock.sleeperCount == 0, "the watchdog stops with the body")
  }
}
