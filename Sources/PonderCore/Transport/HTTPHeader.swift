/// One header line. Kept as a list, not a dictionary: order and repeats are the sender's choice.
public struct HTTPHeader: Sendable, Equatable {
  public var name: String
  public var value: String
  public init(_ name: String, _ value: String) {
    self.name = name
    self.value = value
  }
}
