import NIOCore
import PonderCore

/// A continuous clock whose sleeps end on the network thread: the wait is a timer of that thread's
/// event loop, due within its own `epoll_wait`, so waking up from it wakes no other thread.
///
/// The chat's ``ResponsePump`` defers releases with it (up to 20 times a second while text
/// flows). `ContinuousClock`'s sleeps end on a Dispatch timer thread, which then had to wake the
/// network thread: two thread switches per deferred release.
public struct NetworkClock: Clock {
  public typealias Instant = ContinuousClock.Instant
  private let loop: any EventLoop

  init(_ loop: any EventLoop) {
    self.loop = loop
  }

  public var now: Instant { ContinuousClock.now }
  public var minimumResolution: Duration { ContinuousClock().minimumResolution }

  public func sleep(until deadline: Instant, tolerance: Duration?) async throws {
    let delay = now.duration(to: deadline)
    guard delay > .zero else { return try Task.checkCancellation() }
    let timer = loop.scheduleTask(in: .nanoseconds(delay.nanoseconds)) {}
    try await withTaskCancellationHandler {
      do {
        try await timer.futureResult.get()
      } catch {
        throw CancellationError()
      }
    } onCancel: {
      timer.cancel()
    }
  }
}
