import PonderCore

/// A model pull under way in the chat: its progress and the speed measured from it.
public struct PullState: Sendable, Equatable {
  public var progress: PullProgress
  public var rate = TransferRate()
  public var startedAt: Duration

  public init(model: String, startedAt: Duration) {
    progress = PullProgress(model: model)
    self.startedAt = startedAt
  }

  public var model: String { progress.model }

  /// The progress line the pull box shows.
  public func line(barWidth: Int) -> String {
    PullProgressText.line(progress, rate: rate, barWidth: barWidth)
  }
}
