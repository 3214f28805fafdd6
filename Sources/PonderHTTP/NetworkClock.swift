import PonderCore

/// A continuous clock whose sleeps end on the network thread: the wait is a deadline of
/// ``NetworkLoop``'s own `poll`, so waking up from it wakes no other thread.
///
/// The chat's ``ResponsePump`` defers releases with it (up to 20 times a second while text
/// flows). `ContinuousClock`'s sleeps end on a Dispatch timer thread, which then had to wake the
/// network thread: two thread switches per deferred release.
public struct NetworkClock: Clock {
  public typealias Instant = ContinuousClock.Instant
  private let loop: NetworkLoop

  init(_ loop: NetworkLoop) {
    self.loop = loop
  }

  public var now: Instant { ContinuousClock.now }
  public var minimumResolution: Duration { .milliseconds(1) }

  public func sleep(until deadline: Instant, tolerance: Duration?) async throws {
    guard deadline > now else { return try Task.checkCancellation() }
    try await loop.sleep(until: deadline)
  }
}
