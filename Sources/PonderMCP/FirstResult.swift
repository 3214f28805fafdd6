import Foundation

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
