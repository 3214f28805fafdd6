import MCP
import PonderCore
import PonderTools

/// A tool offered by an MCP server, as Ponder offers it to the model.
///
/// Named `SERVER_tool` (see ``MCPToolNaming``), described as `[MCP server SERVER] …`, with the
/// server's `inputSchema` as its parameters. Never read-only: whatever the server claims, its
/// calls are asked about unless the user allowed them. A call is a `tools/call` request; the
/// server's `isError` makes a failed output, and a server that stopped makes a ``ToolFailure``.
public struct MCPTool: PonderTools.Tool {
  public let name: String
  public let description: String
  public let parameters: JSONValue
  public var isReadOnly: Bool { false }
  /// The server's name from the config file.
  public let serverName: String
  /// The tool's own name on the server.
  public let remoteName: String
  private let connection: ServerConnection

  init(name: String, server: String, definition: MCP.Tool, connection: ServerConnection) {
    self.name = name
    serverName = server
    remoteName = definition.name
    let summary = (definition.description ?? definition.title ?? "").trimmingWhitespace()
    description = "[MCP server \(server)] " + (summary.isEmpty ? "The tool \(definition.name)." : summary)
    parameters = Self.schema(definition.inputSchema)
    self.connection = connection
  }

  public func run(_ arguments: JSONValue, context: ToolContext) async throws -> ToolOutput {
    let values: [String: MCP.Value]
    switch arguments {
    case .null: values = [:]
    case .object: values = arguments.mcpValue.objectValue ?? [:]
    default: throw ToolFailure("\(name) takes a JSON object of arguments, not \(arguments.serialized).")
    }
    do {
      return MCPResultText.output(try await connection.call(remoteName, arguments: values))
    } catch let stopped as ServerConnection.ServerStopped {
      throw ToolFailure(
        "The MCP server \"\(serverName)\" \(stopped.reason), so \(name) did not run or did not finish. "
          + "Its tools stay unavailable until Ponder is restarted; continue without them.")
    } catch is CancellationError where Task.isCancelled {
      throw CancellationError()
    } catch is CancellationError {
      throw ToolFailure("The MCP server \"\(serverName)\" cancelled the call of \(name).")
    } catch {
      throw ToolFailure(
        "\(name) failed: the MCP server \"\(serverName)\" answered with an error: \(ServerConnection.describe(error))")
    }
  }

  /// The server's input schema, or an empty object schema when it sent something unusable.
  static func schema(_ inputSchema: MCP.Value) -> JSONValue {
    let schema = JSONValue(inputSchema)
    guard schema.objectMembers != nil else { return ["type": "object", "properties": .emptyObject] }
    return schema
  }
}
