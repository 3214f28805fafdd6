import Foundation

/// A clock whose time moves only when a test calls ``advance(by:)``: timing logic is tested
/// deterministically, without sleeping.
public final class ManualClock: Clock, @unchecked Sendable {
  public struct Instant: InstantProtocol, CustomStringConvertible {
    public var offset: Duration
    public init(offset: Duration) { self.offset = offset }
    public func advanced(by duration: Duration) -> Instant { Instant(offset: offset + duration) }
    public func duration(to other: Instant) -> Duration { other.offset - offset }
    public static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.offset < rhs.offset }
    public var description: String { "t+\(offset)" }
  }

  private struct Sleeper {
    let id: Int
    let deadline: Instant
    let continuation: CheckedContinuation<Void, any Error>
  }

  private let lock = NSLock()
  private var current = Instant(offset: .zero)
  private var sleepers: [Sleeper] = []
  private var nextID = 0
  private let sleepersChanged = StateSignal()

  public init() {}

  public var now: Instant {
    lock.lock()
    defer { lock.unlock() }
    return current
  }

  public var minimumResolution: Duration { .zero }

  /// How many tasks are sleeping on this clock.
  public var sleeperCount: Int {
    lock.lock()
    defer { lock.unlock() }
    return sleepers.count
  }

  public func sleep(until deadline: Instant, tolerance: Duration?) async throws {
    let id = lock.withLock {
      nextID += 1
      return nextID
    }
    try await withTaskCancellationHandler {
      try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
        lock.lock()
        if deadline <= current {
          lock.unlock()
          continuation.resume()
          return
        }
        sleepers.append(Sleeper(id: id, deadline: deadline, continuation: continuation))
        lock.unlock()
        sleepersChanged.changed()
      }
    } onCancel: {
      lock.lock()
      let index = sleepers.firstIndex(where: { $0.id == id })
      let sleeper = index.map { sleepers.remove(at: $0) }
      lock.unlock()
      sleeper?.continuation.resume(throwing: CancellationError())
    }
  }

  /// Moves time forward and wakes every sleeper whose deadline has come.
  public func advance(by duration: Duration) {
    lock.lock()
    current = current.advanced(by: duration)
    let due = sleepers.filter { $0.deadline <= current }
    sleepers.removeAll(where: { $0.deadline <= current })
    lock.unlock()
    for sleeper in due { sleeper.continuation.resume() }
  }

  /// Returns once at least `count` tasks sleep on the clock: woken by the sleep that makes the
  /// count, not by polling. `false` if that has not happened after `limit` (which only bounds a
  /// failure).
  @discardableResult
  public func waitForSleepers(_ count: Int = 1, within limit: Duration = .seconds(60)) async -> Bool {
    await sleepersChanged.wait(within: limit) { [self] in sleeperCount >= count }
  }
}
