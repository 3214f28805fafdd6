import Foundation
import PonderCore

/// The test server's state and its answers to each JSON-RPC message.
final class TestServer: @unchecked Sendable {
  private let pageSize: Int
  private let lock = NSLock()
  private var initializeSeen = false
  private var initializedSeen = false
  private var cancelledIDs: [String] = []

  init(pageSize: Int) {
    self.pageSize = pageSize
  }

  func handle(_ line: String) {
    guard let message = try? JSONValue.parse(line) else {
      return reply(.null, error: -32700, "parse error: not JSON")
    }
    let id = message["id"]
    guard message["jsonrpc"]?.stringValue == "2.0" else {
      return reply(id ?? .null, error: -32600, "jsonrpc must be \"2.0\"")
    }
    guard let method = message["method"]?.stringValue else {
      return  // a response to something we never sent: ignore
    }
    let params = message["params"] ?? .emptyObject
    guard let id else { return notification(method, params: params) }
    request(method, id: id, params: params)
  }

  private func notification(_ method: String, params: JSONValue) {
    switch method {
    case "notifications/initialized":
      lock.withLock { initializedSeen = true }
    case "notifications/cancelled":
      if let requestID = params["requestId"] {
        lock.withLock { cancelledIDs.append(requestID.serialized) }
      }
    default: break
    }
  }

  private func request(_ method: String, id: JSONValue, params: JSONValue) {
    if method == "initialize" { return initialize(id: id, params: params) }
    if method == "ping" { return reply(id, result: .emptyObject) }
    let ready = lock.withLock { initializeSeen && initializedSeen }
    guard ready else {
      return reply(id, error: -32002, "\(method) before initialize and notifications/initialized")
    }
    switch method {
    case "tools/list": listTools(id: id, params: params)
    case "tools/call": callTool(id: id, params: params)
    default: reply(id, error: -32601, "method not found: \(method)")
    }
  }

  private func initialize(id: JSONValue, params: JSONValue) {
    guard let version = params["protocolVersion"]?.nonEmptyString,
      params["clientInfo"]?["name"]?.nonEmptyString != nil, params["capabilities"]?.objectMembers != nil
    else {
      return reply(id, error: -32602, "initialize needs protocolVersion, capabilities and clientInfo.name")
    }
    lock.withLock { initializeSeen = true }
    let known = ["2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05"]
    reply(
      id,
      result: [
        "protocolVersion": .string(known.contains(version) ? version : "2025-06-18"),
        "capabilities": ["tools": .emptyObject],
        "serverInfo": ["name": "ponder-mcp-test-server", "version": "1.0.0"],
      ])
  }

  private func listTools(id: JSONValue, params: JSONValue) {
    let start = params["cursor"]?.stringValue.flatMap { Int($0) } ?? 0
    let all = TestTools.definitions
    guard start >= 0, start <= all.count else { return reply(id, error: -32602, "bad cursor") }
    let end = min(all.count, start + pageSize)
    var result: [JSONMember] = [JSONMember("tools", .array(Array(all[start..<end])))]
    if end < all.count { result.append(JSONMember("nextCursor", .string(String(end)))) }
    reply(id, result: .object(result))
  }

  private func callTool(id: JSONValue, params: JSONValue) {
    guard let name = params["name"]?.stringValue else { return reply(id, error: -32602, "tools/call needs a name") }
    let arguments = params["arguments"] ?? .emptyObject
    guard arguments.objectMembers != nil else { return reply(id, error: -32602, "arguments must be an object") }
    switch name {
    case "sleep":
      // On its own thread, so the main loop keeps reading (notifications/cancelled).
      Thread.detachNewThread { self.sleep(id: id, seconds: arguments["seconds"]?.doubleValue ?? 1) }
    case "crash":
      FileHandle.standardError.write(Data("crashing on purpose\n".utf8))
      exit(3)
    case "close_output":
      FileHandle.standardError.write(Data("closing stdout, staying alive\n".utf8))
      lock.withLock { _ = close(1) }
    case "rpc_error":
      reply(id, error: -32602, "the widget argument is missing")
    case "cancelled_requests":
      let ids = lock.withLock { cancelledIDs }
      reply(id, result: TestTools.text(ids.joined(separator: ",")))
    default:
      guard let result = TestTools.call(name, arguments: arguments) else {
        return reply(id, error: -32602, "unknown tool: \(name)")
      }
      reply(id, result: result)
    }
  }

  private func sleep(id: JSONValue, seconds: Double) {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
      if lock.withLock({ cancelledIDs.contains(id.serialized) }) { return }  // no answer, per the spec
      Thread.sleep(forTimeInterval: 0.01)
    }
    reply(id, result: TestTools.text("slept \(seconds) s"))
  }

  private func reply(_ id: JSONValue, result: JSONValue) {
    write(["jsonrpc": "2.0", "id": id, "result": result])
  }

  private func reply(_ id: JSONValue, error code: Int, _ message: String) {
    write(["jsonrpc": "2.0", "id": id, "error": ["code": .number(Double(code)), "message": .string(message)]])
  }

  private func write(_ message: JSONValue) {
    lock.withLock {
      FileHandle.standardOutput.write(Data((message.serialized + "\n").utf8))
    }
  }
}
