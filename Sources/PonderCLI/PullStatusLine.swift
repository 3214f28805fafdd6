import Foundation
import PonderCore

/// `ponder pull`'s progress on stderr: one line redrawn with `\r` on a terminal, plain lines
/// (at most one a second, see ``ModelPuller``, once bytes flow) otherwise.
final class PullStatusLine: @unchecked Sendable {
  private let sink: any OutputSink
  private let model: String
  private let lock = NSLock()
  private var rate = TransferRate()
  private let clock = ContinuousClock()
  private let started: ContinuousClock.Instant
  private var drawn = false

  init(sink: any OutputSink, model: String) {
    self.sink = sink
    self.model = model
    started = clock.now
  }

  func show(_ progress: PullProgress) {
    lock.withLock {
      rate.record(progress.completed, at: clock.now - started)
      var text = "pulling \(model): " + PullProgressText.line(progress, rate: rate)
      // After the download (verifying, writing the manifest) the phase is what changes.
      if progress.fraction != nil, !progress.status.hasPrefix("pulling") { text += "  " + progress.status }
      if sink.isTerminal {
        sink.write("\r\u{1B}[K" + text)
        drawn = true
      } else if progress.fraction != nil {
        // A log gets the bar once bytes flow, not each phase: a pull that fails at once is one line.
        sink.write(text + "\n")
      }
    }
  }

  /// Ends the progress line with a last one of its own.
  func finish(_ text: String) {
    lock.withLock {
      sink.write((drawn ? "\r\u{1B}[K" : "") + text + "\n")
      drawn = false
    }
  }
}
