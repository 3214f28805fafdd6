import Foundation

/// Holds the reading task handed to `onStart`, so the test can cancel it as Ctrl-C would.
final class TaskBox: @unchecked Sendable {
  private let lock = NSLock()
  private var stored: Task<Void, Never>?
  var task: Task<Void, Never>? {
    get { lock.withLock { stored } }
    set { lock.withLock { stored = newValue } }
  }
}
