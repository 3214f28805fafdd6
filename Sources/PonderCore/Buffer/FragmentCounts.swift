/// How many text fragments (≈ tokens) of each kind a release holds.
public struct FragmentCounts: Sendable, Equatable {
  public var reasoning = 0
  public var answer = 0
  public init(reasoning: Int = 0, answer: Int = 0) {
    self.reasoning = reasoning
    self.answer = answer
  }
}
