import PonderCore
import PonderTestSupport
import Testing

/// A response that starts and then falls silent ends after the idle timeout; silence before the
/// first byte is never timed; steady data never trips it.
@Suite struct IdleTimeoutTransportTests {
  /// Answers with one chunk, then never another (until cancelled).
  struct StallingTransport: HTTPTransport {
    let firstChunkAfter: Duration?
    let clock: ManualClock

    func send(_ request: HTTPRequestSpec) async throws -> HTTPResponseStream {
      let clock = self.clock
      let delay = firstChunkAfter
      return HTTPResponseStream(
        status: 200, headers: [],
        body: ResponseBody {
          var sent = 0
          return {
            sent += 1
            if sent == 1 {
              if let delay { try await clock.sleep(for: delay) }
              return Array("first".utf8)
            }
            try await clock.sleep(for: .seconds(100_000))
            return nil
          }
        })
    }
  }

  @Test func silenceAfterTheFirstByteEndsTheResponse() async throws {
    let clock = ManualClock()
    let transport = IdleTimeoutTransport(StallingTransport(firstChunkAfter: nil, clock: clock), timeout: .seconds(300), clock: clock)
    let response = try await transport.send(HTTPRequestSpec(method: .get, url: "http://h/"))
    let reading = Task {
      var iterator = response.body.makeAsyncIterator()
      _ = try await iterator.next()
      return try await iterator.next()
    }
    await clock.waitForSleepers(2)
    clock.advance(by: .seconds(299))
    #expect(clock.sleeperCount == 2)
    clock.advance(by: .seconds(1))
    let result = await reading.result
    guard case .failure(let error as ChatError) = result else {
      Issue.record("expected the silence to fail the read, got \(result)")
      return
    }
    #expect(error == ChatError(.connectionLost, "no data from the server for 300 s"))
  }

  @Test func silenceBeforeTheFirstByteIsNotTimed() async throws {
    let clock = ManualClock()
    let transport = IdleTimeoutTransport(
      StallingTransport(firstChunkAfter: .seconds(900), clock: clock), timeout: .seconds(300), clock: clock)
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
}
