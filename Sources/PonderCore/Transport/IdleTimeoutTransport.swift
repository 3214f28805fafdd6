/// Wraps a transport so a response that has started and then falls silent ends with a clear
/// failure instead of waiting for ever: after the first body byte, each read must come within
/// `timeout`. Before the first byte nothing is timed — a model may take minutes to load.
///
/// The clock is injected, so tests move time by hand. The timed-out read is cancelled, which
/// closes the connection. On the continuous clock, a body whose transport times its own reads
/// (plain HTTP on the network loop: a socket wait with a deadline) is timed there; any other is
/// read through an ``IdleReader``.
public struct IdleTimeoutTransport<C: Clock>: HTTPTransport where C.Duration == Duration {
  let inner: any HTTPTransport
  let timeout: Duration
  let clock: C

  public init(_ inner: any HTTPTransport, timeout: Duration, clock: C) {
    self.inner = inner
    self.timeout = timeout
    self.clock = clock
  }

  public var readingExecutor: (any TaskExecutor)? { inner.readingExecutor }

  public func send(_ request: HTTPRequestSpec) async throws -> HTTPResponseStream {
    var response = try await inner.send(request)
    let body = response.body
    if C.self == ContinuousClock.self, let timed = body.timingOwnReads(idle: timeout, failure: Self.silence(timeout)) {
      response.body = timed
      return response
    }
    let timeout = self.timeout
    let clock = self.clock
    let executor = inner.readingExecutor
    response.body = ResponseBody {
      let reader = IdleReader(body.makeAsyncIterator(), timeout: timeout, clock: clock, executor: executor)
      return { try await reader.next() }
    }
    return response
  }

  /// The failure a silent server ends with (exit 5 in `ask`; the partial answer is kept).
  public static func silence(_ timeout: Duration) -> ChatError {
    ChatError(.connectionLost, "no data from the server for \(timeout.components.seconds) s")
  }
}
