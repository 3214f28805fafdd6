import Foundation

/// The shared state of one ``firstResult(within:_:)``: the first outcome wins, the tasks that lost
/// are cancelled.
final class Race<T: Sendable>: @unchecked Sendable {
  private let lock = NSLock()
  private var outcome: Result<T, any Error>?
  private var waiter: CheckedContinuation<T, any Error>?
  private var tasks: [Task<Void, Never>] = []

  func own(_ task: Task<Void, Never>) {
    let alreadyOver = lock.withLock {
      if outcome == nil { tasks.append(task) }
      return outcome != nil
    }
    if alreadyOver { task.cancel() }
  }

  func wait(_ continuation: CheckedContinuation<T, any Error>) {
    let known: Result<T, any Error>? = lock.withLock {
      if outcome == nil { waiter = continuation }
      return outcome
    }
    if let known { continuation.resume(with: known) }
  }

  func finish(_ result: Result<T, any Error>) {
    let (continuation, losers): (CheckedContinuation<T, any Error>?, [Task<Void, Never>]) = lock.withLock {
      guard outcome == nil else { return (nil, []) }
      outcome = result
      defer {
        waiter = nil
        tasks = []
      }
      return (waiter, tasks)
    }
    continuation?.resume(with: result)
    losers.forEach { $0.cancel() }
  }
}
