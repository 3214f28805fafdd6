import PonderCore

extension MCPServerConfig {
  /// The server as the helper receives it in a `start` request.
  var wire: JSONValue {
    .object([
      JSONMember("name", .string(name)),
      JSONMember("command", .string(command)),
      JSONMember("args", .array(arguments.map(JSONValue.string))),
      JSONMember("env", .object(environment.sorted { $0.key < $1.key }.map { JSONMember($0.key, .string($0.value)) })),
      JSONMember("enabled", .bool(isEnabled)),
    ])
  }

  init(wire: JSONValue) throws(MCPBridgeError) {
    guard let name = wire["name"]?.stringValue, let command = wire["command"]?.stringValue else {
      throw MCPBridgeError("a server without name or command: \(wire.serialized)")
    }
    var environment: [String: String] = [:]
    for member in wire["env"]?.objectMembers ?? [] {
      environment[member.key] = member.value.stringValue ?? ""
    }
    self.init(
      name: name, command: command, arguments: (wire["args"]?.arrayValue ?? []).compactMap(\.stringValue),
      environment: environment, isEnabled: wire["enabled"]?.boolValue ?? true)
  }
}
