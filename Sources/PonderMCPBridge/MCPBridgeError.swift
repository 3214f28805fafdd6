import PonderCore

/// A line on the bridge between Ponder and `ponder-mcp` that cannot be understood.
public struct MCPBridgeError: Error, Sendable, Equatable, CustomStringConvertible {
  public var description: String

  public init(_ description: String) {
    self.description = description
  }
}

extension MCPBridgeError {
  /// One line of the bridge protocol as JSON, or the error naming what arrived instead.
  static func parseLine(_ line: some Collection<UInt8>) throws(MCPBridgeError) -> JSONValue {
    do {
      return try JSONValue.parse(line)
    } catch {
      throw MCPBridgeError("not JSON (\(error)): \(String(decoding: Array(line.prefix(200)), as: UTF8.self))")
    }
  }
}
