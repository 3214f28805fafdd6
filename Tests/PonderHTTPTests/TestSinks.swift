import Foundation
import PonderCLI
import PonderTestSupport

/// Collects what the CLI writes, for assertions.
final class CapturingSink: OutputSink, @unchecked Sendable {
  private let lock = NSLock()
  private var collected = ""
  let isTerminal: Bool

  /// Fails every write after this many bytes (a full disk, a closed pipe); `nil` never fails.
  private let failAfter: Int?
  private var failure: String?
  private let wrote = StateSignal()

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
    wrote.changed()
  }

  /// Returns `true` once the text written satisfies `condition` (woken by the writes; `limit`
  /// only bounds a failure).
  @discardableResult
  func waitForText(
    within limit: Duration = .seconds(60), _ condition: @escaping @Sendable (String) -> Bool
  ) async -> Bool {
    await wrote.wait(within: limit) { [self] in condition(text) }
  }
  var text: String { lock.withLock { collected } }
  var writeFailure: String? { lock.withLock { failure } }
}
