/// Wraps a transport so a busy server (429 Too Many Requests, 503 Service Unavailable) is asked
/// again before anything streams: it waits as the server's `Retry-After` says (capped), at most
/// `attempts` times in all, and says so through `report`. A response that has begun is never sent
/// again; when the tries run out the last refusal is returned as it is.
public struct RetryingTransport<C: Clock>: HTTPTransport where C.Duration == Duration {
  let inner: any HTTPTransport
  let clock: C
  let attempts: Int
  let longestWait: Duration
  let report: @Sendable (String) -> Void

  public init(
    _ inner: any HTTPTransport, clock: C, attempts: Int = 3, longestWait: Duration = .seconds(30),
    report: @escaping @Sendable (String) -> Void
  ) {
    self.inner = inner
    self.clock = clock
    self.attempts = max(1, attempts)
    self.longestWait = longestWait
    self.report = report
  }

  /// Statuses that mean "try again later".
  public static func isBusy(_ status: Int) -> Bool { status == 429 || status == 503 }

  public var readingExecutor: (any TaskExecutor)? { inner.readingExecutor }

  public func send(_ request: HTTPRequestSpec) async throws -> HTTPResponseStream {
    var attempt = 1
    while true {
      let response = try await inner.send(request)
      guard Self.isBusy(response.status), attempt < attempts else { return response }
      let wait = Self.wait(after: response.headers, attempt: attempt, longest: longestWait)
      report(
        "the server is busy (HTTP \(response.status)); trying again in \(wait.components.seconds) s (\(attempt + 1) of \(attempts))"
      )
      _ = try? await response.collectBody(limit: 64 << 10)
      try await clock.sleep(for: wait)
      attempt += 1
    }
  }

  /// `Retry-After` in seconds when the server gives it, else 1, 2, 4 … s; never above `longest`.
  public static func wait(after headers: [HTTPHeader], attempt: Int, longest: Duration) -> Duration {
    let asked = headers.first { $0.name.lowercased() == "retry-after" }.flatMap { Int($0.value.trimmingWhitespace()) }
    let seconds = asked.map { max(0, $0) } ?? (1 << min(attempt - 1, 10))
    return min(.seconds(seconds), longest)
  }
}
