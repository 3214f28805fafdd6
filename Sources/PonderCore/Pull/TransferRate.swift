/// Download speed over the last few seconds, from byte counts stamped with an injected time.
public struct TransferRate: Sendable, Equatable {
  struct Sample: Sendable, Equatable {
    var at: Duration
    var bytes: Int64
  }

  /// How far back the speed looks.
  public var window: Duration
  private var samples: [Sample] = []

  public init(window: Duration = .seconds(5)) {
    self.window = window
  }

  /// Notes that `bytes` had arrived in total at `time`.
  public mutating func record(_ bytes: Int64, at time: Duration) {
    if let last = samples.last, bytes < last.bytes { samples.removeAll() }  // a new download restarted the count
    samples.append(Sample(at: time, bytes: bytes))
    while samples.count > 2, time - samples[1].at >= window { samples.removeFirst() }
  }

  /// Bytes per second, once samples span at least a fifth of a second.
  public var bytesPerSecond: Double? {
    guard let first = samples.first, let last = samples.last else { return nil }
    let span = (last.at - first.at).seconds
    guard span >= 0.2 else { return nil }
    return Double(last.bytes - first.bytes) / span
  }

  /// Seconds until `remaining` more bytes arrive at the current speed.
  public func secondsLeft(remaining: Int64) -> Double? {
    guard let speed = bytesPerSecond, speed > 0, remaining >= 0 else { return nil }
    return Double(remaining) / speed
  }
}
