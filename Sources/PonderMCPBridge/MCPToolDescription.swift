import PonderCore

/// A tool an MCP server offers, as `ponder-mcp` describes it to Ponder: everything Ponder shows the
/// model, and which server and remote tool a call goes to.
public struct MCPToolDescription: Sendable, Equatable {
  /// The unique name offered to the model (`SERVER_tool`).
  public var name: String
  /// The server's name from the config file.
  public var server: String
  /// The tool's own name on the server.
  public var remoteName: String
  public var description: String
  /// JSON Schema of the arguments object.
  public var parameters: JSONValue

  public init(name: String, server: String, remoteName: String, description: String, parameters: JSONValue) {
    self.name = name
    self.server = server
    self.remoteName = remoteName
    self.description = description
    self.parameters = parameters
  }

  var wire: JSONValue {
    .object([
      JSONMember("name", .string(name)), JSONMember("server", .string(server)),
      JSONMember("remote", .string(remoteName)), JSONMember("description", .string(description)),
      JSONMember("parameters", parameters),
    ])
  }

  init(wire: JSONValue) throws(MCPBridgeError) {
    guard let name = wire["name"]?.stringValue, let server = wire["server"]?.stringValue else {
      throw MCPBridgeError("a tool without name or server: \(wire.serialized)")
    }
    self.init(
      name: name, server: server, remoteName: wire["remote"]?.stringValue ?? name,
      description: wire["description"]?.stringValue ?? "", parameters: wire["parameters"] ?? .emptyObject)
  }
}
