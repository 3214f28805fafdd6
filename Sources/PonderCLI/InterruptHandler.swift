import Dispatch
import Foundation

/// Turns Ctrl-C (SIGINT), SIGTERM and SIGHUP into cancelling the task that reads the network.
///
/// Cancelling closes the connection, which makes the server stop generating; the caller then
/// prints and saves what it has and exits 130. A second signal exits at once.
final class InterruptHandler: @unchecked Sendable {
  private let lock = NSLock()
  private var task: Task<Void, Never>?
  private var received: Int32?
  private var sources: [DispatchSourceSignal] = []

  init() {
    for number in [SIGINT, SIGTERM, SIGHUP] {
      signal(number, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
      source.setEventHandler { [weak self] in self?.fire(number) }
      source.resume()
      sources.append(source)
    }
  }

  func cancelOnInterrupt(_ task: Task<Void, Never>) {
    lock.withLock { self.task = task }
  }

  /// Whether a signal other than Ctrl-C stopped the answer (it was interrupted, not cancelled).
  var stoppedBySignal: Bool {
    lock.withLock { received != nil && received != SIGINT }
  }

  private func fire(_ number: Int32) {
    let (task, again) = lock.withLock { () -> (Task<Void, Never>?, Bool) in
      defer { received = received ?? number }
      return (self.task, received != nil)
    }
    if again || task == nil { exit(130) }
    task?.cancel()
  }
}
