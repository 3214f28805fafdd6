/// The figures kept with a saved answer: what the server reported and what Ponder measured.
public struct MessageStats: Sendable, Equatable {
  public var doneReason: String?
  public var promptTokens: Int?
  public var completionTokens: Int?
  public var tokensPerSecond: Double?
  public var timeToFirstTokenMilliseconds: Int?
  public var elapsedMilliseconds: Int?

  public init(
    doneReason: String? = nil, promptTokens: Int? = nil, completionTokens: Int? = nil, tokensPerSecond: Double? = nil,
    timeToFirstTokenMilliseconds: Int? = nil, elapsedMilliseconds: Int? = nil
  ) {
    self.doneReason = doneReason
    self.promptTokens = promptTokens
    self.completionTokens = completionTokens
    self.tokensPerSecond = tokensPerSecond
    self.timeToFirstTokenMilliseconds = timeToFirstTokenMilliseconds
    self.elapsedMilliseconds = elapsedMilliseconds
  }

  /// The server's own statistics, with Ponder's timings where given.
  public init(_ stats: GenerationStats, timeToFirstTokenMilliseconds: Int? = nil, elapsedMilliseconds: Int? = nil) {
    self.init(
      doneReason: stats.doneReason, promptTokens: stats.promptTokens, completionTokens: stats.completionTokens,
      tokensPerSecond: stats.tokensPerSecond, timeToFirstTokenMilliseconds: timeToFirstTokenMilliseconds,
      elapsedMilliseconds: elapsedMilliseconds)
  }

  public var isEmpty: Bool { self == MessageStats() }
}
