/// A line on the bridge between Ponder and `ponder-mcp` that cannot be understood.
public struct MCPBridgeError: Error, Sendable, Equatable, CustomStringConvertible {
  public var description: String

  public init(_ description: String) {
    self.description = description
  }
}
