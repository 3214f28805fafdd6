import PonderCore

/// What Ponder asks `ponder-mcp` for: one JSON object per line on the helper's stdin.
///
/// ```
/// {"op":"start","servers":[…],"log_directory":"…","handshake_timeout_ms":10000,"reserved":["read_file",…]}
/// {"op":"call","id":1,"tool":"files_read","arguments":{…}}
/// {"op":"cancel","id":1}
/// {"op":"shutdown"}
/// ```
///
/// `start` comes once, first; closing the helper's stdin is a `shutdown` too.
public enum MCPBridgeRequest: Sendable, Equatable {
  case start(Start)
  case call(id: Int, tool: String, arguments: JSONValue)
  case cancel(id: Int)
  case shutdown

  /// The servers to start and how.
  public struct Start: Sendable, Equatable {
    public var servers: [MCPServerConfig]
    /// Where `mcp-NAME.log` files go; nil discards the servers' stderr.
    public var logDirectory: String?
    public var handshakeTimeout: Duration
    /// Names MCP tools must not take (the built-in tools').
    public var reservedNames: [String]

    public init(
      servers: [MCPServerConfig], logDirectory: String?, handshakeTimeout: Duration, reservedNames: [String]
    ) {
      self.servers = servers
      self.logDirectory = logDirectory
      self.handshakeTimeout = handshakeTimeout
      self.reservedNames = reservedNames
    }
  }

  /// The request as one line (no newline inside, none at the end).
  public var line: String {
    switch self {
    case .start(let start):
      var members = [JSONMember("op", "start"), JSONMember("servers", .array(start.servers.map(\.wire)))]
      if let directory = start.logDirectory { members.append(JSONMember("log_directory", .string(directory))) }
      let milliseconds = start.handshakeTimeout / .milliseconds(1)
      members.append(JSONMember("handshake_timeout_ms", .number(milliseconds.rounded())))
      members.append(JSONMember("reserved", .array(start.reservedNames.map(JSONValue.string))))
      return JSONValue.object(members).serialized
    case .call(let id, let tool, let arguments):
      return JSONValue.object([
        JSONMember("op", "call"), JSONMember("id", .number(Double(id))), JSONMember("tool", .string(tool)),
        JSONMember("arguments", arguments),
      ]).serialized
    case .cancel(let id):
      return JSONValue.object([JSONMember("op", "cancel"), JSONMember("id", .number(Double(id)))]).serialized
    case .shutdown:
      return JSONValue.object([JSONMember("op", "shutdown")]).serialized
    }
  }

  public init(line: some Collection<UInt8>) throws(MCPBridgeError) {
    let value: JSONValue
    do {
      value = try JSONValue.parse(line)
    } catch {
      throw MCPBridgeError("not JSON (\(error)): \(String(decoding: Array(line.prefix(200)), as: UTF8.self))")
    }
    switch value["op"]?.stringValue {
    case "start":
      var servers: [MCPServerConfig] = []
      for server in value["servers"]?.arrayValue ?? [] { servers.append(try MCPServerConfig(wire: server)) }
      let milliseconds = value["handshake_timeout_ms"]?.intValue ?? 10_000
      self = .start(
        Start(
          servers: servers, logDirectory: value["log_directory"]?.nonEmptyString,
          handshakeTimeout: .milliseconds(milliseconds),
          reservedNames: (value["reserved"]?.arrayValue ?? []).compactMap(\.stringValue)))
    case "call":
      guard let id = value["id"]?.intValue, let tool = value["tool"]?.stringValue else {
        throw MCPBridgeError("a call without id or tool: \(value.serialized)")
      }
      self = .call(id: id, tool: tool, arguments: value["arguments"] ?? .null)
    case "cancel":
      guard let id = value["id"]?.intValue else { throw MCPBridgeError("a cancel without id: \(value.serialized)") }
      self = .cancel(id: id)
    case "shutdown":
      self = .shutdown
    default:
      throw MCPBridgeError("unknown request: \(value.serialized)")
    }
  }
}
