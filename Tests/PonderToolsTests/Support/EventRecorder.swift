import PonderCore
import PonderTools

/// Collects what a coordinator emits, and signals when a given kind of event arrives.
actor EventRecorder {
  private struct Watcher {
    let predicate: @Sendable (ToolTurnEvent) -> Bool
    let continuation: CheckedContinuation<Void, Never>
  }

  private(set) var events: [ToolTurnEvent] = []
  private var watchers: [Watcher] = []

  func record(_ batch: [ToolTurnEvent]) {
    events += batch
    var waiting: [Watcher] = []
    for watcher in watchers {
      if batch.contains(where: watcher.predicate) { watcher.continuation.resume() } else { waiting.append(watcher) }
    }
    watchers = waiting
  }

  /// Returns once an event matching `predicate` has been recorded.
  func wait(for predicate: @escaping @Sendable (ToolTurnEvent) -> Bool) async {
    if events.contains(where: predicate) { return }
    await withCheckedContinuation { watchers.append(Watcher(predicate: predicate, continuation: $0)) }
  }

  /// The events with tool durations removed (they vary from run to run).
  var normalized: [ToolTurnEvent] {
    events.map { event in
      guard case .toolFinished(var result) = event else { return event }
      result.duration = nil
      return .toolFinished(result)
    }
  }

  nonisolated var sink: ToolStreamingCoordinator.Sink { { await self.record($0) } }
}
