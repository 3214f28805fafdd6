/// Wraps a transport so a response that has started and then falls silent ends with a clear
/// failure instead of waiting for ever: after the first body byte, each read must come within
/// `timeout`. Before the first byte nothing is timed — a model may take minutes to load.
///
/// The clock is injected, so tests move time by hand. The timed-out read is cancelled, which
/// closes the connection.
public struct IdleTimeoutTransport<C: Clock>: HTTPTransport where C.Duration == Duration {
  let inner: any HTTPTransport
  let timeout: Duration
  let clock: C

  public init(_ inner: any HTTPTransport, timeout: Duration, clock: C) {
    self.inner = inner
    self.timeout = timeout
    self.clock = clock
  }

  public func send(_ request: HTTPRequestSpec) async throws -> HTTPResponseStream {
    var response = try await inner.send(request)
    let body = response.body
    let timeout = self.timeout
    let clock = self.clock
    response.body = ResponseBody {
      let reader = IdleReader(body.makeAsyncIterator(), timeout: timeout, clock: clock)
      return { try await reader.next() }
    }
    return response
  }

  /// The failure a silent server ends with (exit 5 in `ask`; the partial answer is kept).
  public static func silence(_ timeout: Duration) -> ChatError {
    ChatError(.connectionLost, "no data from the server for \(timeout.components.seconds) s")
  }
}

/// One body's reads, the second and later raced against the clock. A class so the iterator
/// keeps its place across reads; used by one task at a time.
final class IdleReader<C: Clock>: @unchecked Sendable where C.Duration == Duration {
  private var iterator: ResponseBody.Iterator
  private var started = false
  private let timeout: Duration
  private let clock: C

  init(_ iterator: ResponseBody.Iterator, timeout: Duration, clock: C) {
    self.iterator = iterator
    self.timeout = timeout
    self.clock = clock
  }

  func next() async throws -> [UInt8]? {
    guard started else {
      started = true
      return try await iterator.next()
    }
    let timeout = self.timeout
    let clock = self.clock
    return try await withThrowingTaskGroup(of: [UInt8]?.self) { group in
      group.addTask { try await self.iterator.next() }
      group.addTask {
        try await clock.sleep(for: timeout)
        throw IdleTimeoutTransport<C>.silence(timeout)
      }
      defer { group.cancelAll() }
      return try await group.next() ?? nil
    }
  }
}
