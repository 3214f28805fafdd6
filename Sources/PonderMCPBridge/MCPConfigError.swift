import PonderCore
import PonderTools

/// Why a `[mcp.NAME]` section cannot be used, worded for the person editing the config file.
public struct MCPConfigError: Error, Sendable, Equatable, CustomStringConvertible {
  public var server: String
  public var reason: String

  public init(server: String, reason: String) {
    self.server = server
    self.reason = reason
  }

  public var description: String { "[mcp.\(server)]: \(reason)" }
}
