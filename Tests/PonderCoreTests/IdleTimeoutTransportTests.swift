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
}
