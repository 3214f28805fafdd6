/// A response written to its end: proof that a client kept reading (an SSH drop did not close it).
public struct CompletedResponse: Sendable, Equatable {
  public var path: String
  public var chunks: Int
}
