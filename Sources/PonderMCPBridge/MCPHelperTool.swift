import PonderCore
import PonderTools

/// A tool of an MCP server, offered to the model by Ponder and run by the `ponder-mcp` helper.
///
/// Named, described and shaped as the helper says (``MCPToolDescription``); never read-only, so
/// its calls are asked about unless the user allowed them. A helper that has gone makes a
/// ``ToolFailure`` the model can read.
public struct MCPHelperTool: Tool {
  public var name: String { tool.name }
  public var description: String { tool.description }
  public var parameters: JSONValue { tool.parameters }
  public var isReadOnly: Bool { false }
  /// The server's name from the config file.
  public var serverName: String { tool.server }
  /// The tool's own name on the server.
  public var remoteName: String { tool.remoteName }
  private let tool: MCPToolDescription
  private let source: MCPHelperSource

  init(_ tool: MCPToolDescription, source: MCPHelperSource) {
    self.tool = tool
    self.source = source
  }

  public func run(_ arguments: JSONValue, context: ToolContext) async throws -> ToolOutput {
    switch arguments {
    case .null, .object: break
    default: throw ToolFailure("\(name) takes a JSON object of arguments, not \(arguments.serialized).")
    }
    do {
      return try await source.call(name, arguments: arguments)
    } catch let stop as MCPHelperSource.Stop {
      switch stop {
      case .shutDown:
        throw ToolFailure(
          "The MCP server \"\(serverName)\" was shut down, so \(name) did not run or did not finish. "
            + "Its tools stay unavailable until Ponder is restarted; continue without them.")
      case .helperEnded(let how):
        throw ToolFailure(
          "The MCP helper \(MCPHelperSource.executableName) \(how), so \(name) did not run or did not finish. "
            + "MCP tools stay unavailable until Ponder is restarted; continue without them.")
      }
    }
  }
}
