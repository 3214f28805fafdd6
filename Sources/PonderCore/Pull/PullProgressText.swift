/// How a pull's progress reads, in the chat and on stderr: a bar, percent, bytes, speed, time left.
public enum PullProgressText {
  /// `42% █████▍░░░░░░  1.2 GB / 2.9 GB  35.0 MB/s  48s left`, or the status alone before any size is known.
  public static func line(_ progress: PullProgress, rate: TransferRate, barWidth: Int = 20) -> String {
    guard let fraction = progress.fraction else { return progress.status }
    let percent = Int((fraction * 100).rounded(.down))
    var parts = [
      "\(percent)%".leftPadded(to: 4) + " " + bar(fraction, width: barWidth),
      "\(ByteSize.text(Int(progress.completed))) / \(ByteSize.text(Int(progress.total)))",
    ]
    if !progress.succeeded, progress.completed < progress.total, let speed = rate.bytesPerSecond {
      parts.append("\(ByteSize.text(speed.integerValue ?? .max))/s")
      if let left = rate.secondsLeft(remaining: progress.total - progress.completed) {
        parts.append(duration(left) + " left")
      }
    }
    return parts.joined(separator: "  ")
  }

  /// A bar of `width` cells filled to `fraction`, in eighths of a cell.
  public static func bar(_ fraction: Double, width: Int) -> String {
    let width = max(1, width)
    let eighths = Int((min(1, max(0, fraction)) * Double(width * 8)).rounded(.down))
    let full = eighths / 8
    let partial = eighths % 8
    let partials = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
    let filled = String(repeating: "█", count: full) + partials[partial]
    return filled + String(repeating: "░", count: width - full - (partial > 0 ? 1 : 0))
  }

  /// `7s`, `2m05s`, `1h02m`.
  public static func duration(_ seconds: Double) -> String {
    let total = seconds.rounded(.up).integerValue ?? .max
    if total < 60 { return "\(total)s" }
    if total < 3600 { return "\(total / 60)m\((total % 60).twoDigits)s" }
    return "\(total / 3600)h\((total % 3600 / 60).twoDigits)m"
  }
}

extension Int {
  fileprivate var twoDigits: String { self < 10 ? "0\(self)" : "\(self)" }
}

extension String {
  fileprivate func leftPadded(to width: Int) -> String {
    count >= width ? self : String(repeating: " ", count: width - count) + self
  }
}
