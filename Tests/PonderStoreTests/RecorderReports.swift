import Foundation
import PonderStore

/// Collects what a ``ConversationRecorder`` reports, from its queue, for assertions.
final class RecorderReports: @unchecked Sendable {
  private let lock = NSLock()
  private var items: [ConversationRecorder.Report] = []

  func add(_ report: ConversationRecorder.Report) { lock.withLock { items.append(report) } }

  var all: [ConversationRecorder.Report] { lock.withLock { items } }

  /// The failure lines alone.
  var failures: [String] {
    all.compactMap { report in
      if case .failed(let reason) = report { return reason }
      return nil
    }
  }
}
