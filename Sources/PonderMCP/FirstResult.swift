import Foundation

/// Thrown by ``firstResult(within:_:)`` when the time ran out first.
struct TimedOut: Error {}

/// Runs `operation` in a task of its own and returns the first of: its result, ``TimedOut`` after
/// `limit` (nil: no limit), or `CancellationError` as soon as the calling task is cancelled.
///
/// Unlike a task group it does not wait for `operation` to notice: the SDK's requests wait on
/// continuations that ignore cancellation, and a cancelled tool call must return at once. The
/// operation is cancelled and left to end on its own (its owner makes it end, e.g. by
/// disconnecting the client).
func firstResult<T: Sendable>(
  within limit: Duration? = nil, _ operation: @escaping @Sendable () async throws -> T
) async throws -> T {
  let race = Race<T>()
  let work = Task {
    do {
      race.finish(.success(try await operation()))
    } catch {
      race.finish(.failure(error))
    }
  }
  race.own(work)
  if let limit {
    race.own(
      Task {
        guard (try? await Task.sleep(for: limit)) != nil else { return }
        race.finish(.failure(TimedOut()))
      })
  }
  return try await withTaskCancellationHandler {
    try await withCheckedThrowingContinuation { race.wait($0) }
  } onCancel: {
    race.finish(.failure(CancellationError()))
  }
}

/// The shared state of one ``firstResult(within:_:)``: the first outcome wins, the tasks that lost
/// are cancelled.
private final class Race<T: Sendable>: @unchecked Sendable {
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
