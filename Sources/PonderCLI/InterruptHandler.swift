import Dispatch
import Foundation

/// Turns Ctrl-C (SIGINT) into cancelling the task that reads the network.
///
/// Cancelling closes the connection, which makes the server stop generating; the caller then
/// prints what it has and exits 130. A second Ctrl-C exits at once.
final class InterruptHandler: @unchecked Sendable {
  private let lock = NSLock()
  private var task: Task<Void, Never>?
  private var interrupted = false
  private let source: DispatchSourceSignal

  init() {
    signal(SIGINT, SIG_IGN)
    source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
    source.setEventHandler { [weak self] in self?.fire() }
    source.resume()
  }

  func cancelOnInterrupt(_ task: Task<Void, Never>) {
    lock.withLock { self.task = task }
  }

  private func fire() {
    let (task, again) = lock.withLock { () -> (Task<Void, Never>?, Bool) in
      defer { interrupted = true }
      return (self.task, interrupted)
    }
    if again || task == nil { exit(130) }
    task?.cancel()
  }
}
