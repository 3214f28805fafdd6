import PonderCore
import PonderTools

/// What `ponder-mcp` answers: one JSON object per line on its stdout.
///
/// ```
/// {"op":"started","tools":[…],"problems":["…"],"servers":["files"]}
/// {"op":"result","id":1,"status":"ok","text":"…"}      (or "failed": the server's isError)
/// {"op":"failure","id":1,"message":"…"}                 (the call did not run or finish; for the model)
/// {"op":"cancelled","id":1}
/// {"op":"stopped"}                                      (after shutdown: the servers have exited)
/// ```
public enum MCPBridgeReply: Sendable, Equatable {
  case started(tools: [MCPToolDescription], problems: [String], servers: [String])
  case result(id: Int, output: ToolOutput)
  case failure(id: Int, message: String)
  case cancelled(id: Int)
  case stopped

  /// The reply as one line (no newline inside, none at the end).
  public var line: String {
    let members: [JSONMember]
    switch self {
    case .started(let tools, let problems, let servers):
      members = [
        JSONMember("op", "started"), JSONMember("tools", .array(tools.map(\.wire))),
        JSONMember("problems", .array(problems.map(JSONValue.string))),
        JSONMember("servers", .array(servers.map(JSONValue.string))),
      ]
    case .result(let id, let output):
      members = [
        JSONMember("op", "result"), JSONMember("id", .number(Double(id))),
        JSONMember("status", output.isOK ? "ok" : "failed"), JSONMember("text", .string(output.text)),
      ]
    case .failure(let id, let message):
      members = [
        JSONMember("op", "failure"), JSONMember("id", .number(Double(id))), JSONMember("message", .string(message)),
      ]
    case .cancelled(let id):
      members = [JSONMember("op", "cancelled"), JSONMember("id", .number(Double(id)))]
    case .stopped:
      members = [JSONMember("op", "stopped")]
    }
    return JSONValue.object(members).serialized
  }

  public init(line: some Collection<UInt8>) throws(MCPBridgeError) {
    let value: JSONValue
    do {
      value = try JSONValue.parse(line)
    } catch {
      throw MCPBridgeError("not JSON (\(error)): \(String(decoding: Array(line.prefix(200)), as: UTF8.self))")
    }
    let id = value["id"]?.intValue
    switch (value["op"]?.stringValue, id) {
    case ("started", _):
      var tools: [MCPToolDescription] = []
      for tool in value["tools"]?.arrayValue ?? [] { tools.append(try MCPToolDescription(wire: tool)) }
      self = .started(
        tools: tools, problems: (value["problems"]?.arrayValue ?? []).compactMap(\.stringValue),
        servers: (value["servers"]?.arrayValue ?? []).compactMap(\.stringValue))
    case ("result", let id?):
      let text = value["text"]?.stringValue ?? ""
      self = .result(id: id, output: value["status"]?.stringValue == "ok" ? .ok(text) : .failed(text))
    case ("failure", let id?):
      self = .failure(id: id, message: value["message"]?.stringValue ?? "the call failed")
    case ("cancelled", let id?):
      self = .cancelled(id: id)
    case ("stopped", _):
      self = .stopped
    default:
      throw MCPBridgeError("unknown reply: \(value.serialized)")
    }
  }
}
