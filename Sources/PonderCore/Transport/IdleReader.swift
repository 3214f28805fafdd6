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
