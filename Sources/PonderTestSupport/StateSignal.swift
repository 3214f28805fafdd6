import Foundation

/// Lets a test wait until some state holds, woken by whoever changes that state instead of by
/// polling or sleeping: the owner calls ``changed()`` after each change, and every waiter whose
/// condition now holds resumes.
///
/// A real-time limit only bounds a failure — a test that works never waits for it; one that is
/// broken ends after `limit` instead of hanging.
public final class StateSignal: @unchecked Sendable {
  private struct Waiter {
    let condition: @Sendable () -> Bool
    let continuation: CheckedContinuation<Bool, Never>
    let timer: Task<Void, Never>
  }

  private let lock = NSLock()
  private var waiters: [Int: Waiter] = [:]
  private var nextID = 0

  public init() {}

  /// Returns `true` as soon as `condition` holds (now or after a ``changed()``), `false` when it
  /// still does not after `limit`.
  @discardableResult
  public func wait(
    within limit: Duration = .seconds(60), until condition: @escaping @Sendable () -> Bool
  ) async -> Bool {
    if condition() { return true }
    let id = lock.withLock {
      nextID += 1
      return nextID
    }
    let satisfied = await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
      let timer = Task {
        try? await Task.sleep(for: limit)
        if !Task.isCancelled { self.resume(id, with: false) }
      }
      lock.withLock { waiters[id] = Waiter(condition: condition, continuation: continuation, timer: timer) }
      changed()  // the state may have changed between the first check and the registration
    }
    return satisfied
  }

  /// Checks every waiting condition again; call after each change of the state they read.
  public func changed() {
    let candidates = lock.withLock { waiters }
    for (id, waiter) in candidates where waiter.condition() { resume(id, with: true) }
  }

  private func resume(_ id: Int, with value: Bool) {
    guard let waiter = lock.withLock({ waiters.removeValue(forKey: id) }) else { return }
    waiter.timer.cancel()
    waiter.continuation.resume(returning: value)
  }
}
