import Foundation
import PonderCLI

/// Collects what the CLI writes, for assertions.
final class CapturingSink: OutputSink, @unchecked Sendable {
  private let lock = NSLock()
  private var collected = ""
  let isTerminal: Bool

  /// Fails every write after this many bytes (a full disk, a closed pipe); `nil` never fails.
  private let failAfter: Int?
  private var failure: String?

  init(isTerminal: Bool = false, failAfter: Int? = nil) {
    self.isTerminal = isTerminal
    self.failAfter = failAfter
  }

  func write(_ text: String) {
    lock.withLock {
      guard failure == nil else { return }
      if let failAfter, collected.utf8.count + text.utf8.count > failAfter {
        failure = "No space left on device"
        return
      }
      collected += text
    }
  }
  var text: String { lock.withLock { collected } }
  var writeFailure: String? { lock.withLock { failure } }
}
