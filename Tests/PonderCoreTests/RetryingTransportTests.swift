import Foundation
import PonderCore
import PonderTestSupport
import Testing

/// A busy server is asked again before anything streams, as its Retry-After says, at most three
/// times; other failures and started responses are never resent.
@Suite struct RetryingTransportTests {
  /// Answers with the given statuses in turn (the last one repeats).
  static func statuses(_ statuses: [(Int, [HTTPHeader])]) -> CannedTransport {
    CannedTransport(statuses.map { CannedTransport.Response(status: $0, headers: $1, text: "{}") }, repeatLast: true)
  }

  final class Notes: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    func add(_ text: String) { lock.withLock { items.append(text) } }
    var all: [String] { lock.withLock { items } }
  }

  static let request = HTTPRequestSpec(method: .post, url: "http://h/api/chat")

  @Test func aBusyServerIsAskedAgainAfterItsRetryAfter() async throws {
    let clock = ManualClock()
    let inner = Self.statuses([(503, [HTTPHeader("Retry-After", "7")]), (429, []), (200, [])])
    let notes = Notes()
    let transport = RetryingTransport(inner, clock: clock, report: notes.add)
    let sending = Task { try await transport.send(Self.request) }
    await clock.waitForSleepers(1)
    clock.advance(by: .seconds(6))
    #expect(inner.requests.count == 1)
    clock.advance(by: .seconds(1))
    await clock.waitForSleepers(1)
    // No Retry-After on the 429: the second wait is 2 s.
    clock.advance(by: .seconds(2))
    let response = try await sending.value
    #expect(response.status == 200)
    #expect(inner.requests.count == 3)
    #expect(
      notes.all == [
        "the server is busy (HTTP 503); trying again in 7 s (2 of 3)",
        "the server is busy (HTTP 429); trying again in 2 s (3 of 3)",
      ])
  }

  @Test func afterThreeTriesTheRefusalIsReturned() async throws {
    let clock = ManualClock()
    let inner = Self.statuses([(429, [HTTPHeader("Retry-After", "0")])])
    let transport = RetryingTransport(inner, clock: clock) { _ in }
    let response = try await transport.send(Self.request)
    #expect(response.status == 429)
    #expect(inner.requests.count == 3)
  }

  @Test func otherFailuresAreNotRetriedAndLongWaitsAreCapped() async throws {
    let clock = ManualClock()
    let inner = Self.statuses([(500, [])])
    let transport = RetryingTransport(inner, clock: clock) { _ in }
    #expect(try await transport.send(Self.request).status == 500)
    #expect(inner.requests.count == 1)
    let capped = RetryingTransport<ManualClock>.wait(
      after: [HTTPHeader("retry-after", "3600")], attempt: 1, longest: .seconds(30))
    #expect(capped == .seconds(30))
  }
}
