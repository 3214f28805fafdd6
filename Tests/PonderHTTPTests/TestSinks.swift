import Foundation
import PonderCLI

/// Collects what the CLI writes, for assertions.
final class CapturingSink: OutputSink, @unchecked Sendable {
  private let lock = NSLock()
  private var collected = ""
  let isTerminal: Bool

  init(isTerminal: Bool = false) { self.isTerminal = isTerminal }

  func write(_ text: String) { lock.withLock { collected += text } }
  var text: String { lock.withLock { collected } }
}
