import Foundation
import PonderCore

/// The test server's tools: their definitions for `tools/list` and the plain ones' results.
/// (`sleep`, `crash`, `close_output`, `rpc_error` and `cancelled_requests` are answered by
/// ``TestServer``.)
enum TestTools {
  static let definitions: [JSONValue] = [
    tool(
      "echo", "Returns its text.", properties: ["text": ["type": "string", "description": "What to return."]],
      required: ["text"]),
    tool(
      "add", "Adds two numbers.", properties: ["a": ["type": "number"], "b": ["type": "number"]], required: ["a", "b"]),
    tool("fail", "Always fails with the given message.", properties: ["message": ["type": "string"]], required: []),
    tool(
      "sleep", "Waits the given seconds, or until cancelled.", properties: ["seconds": ["type": "number"]],
      required: ["seconds"]),
    tool(
      "env", "Returns the value of an environment variable.", properties: ["name": ["type": "string"]],
      required: ["name"]),
    tool("crash", "Exits the server without answering.", properties: [:], required: []),
    tool("picture", "Returns a caption and a tiny image.", properties: [:], required: []),
    tool("cancelled_requests", "Lists the request ids the server was told to cancel.", properties: [:], required: []),
    tool("odd name.v2", "A name with a space and a dot.", properties: [:], required: []),
    tool("rpc_error", "Answers with a JSON-RPC error instead of a result.", properties: [:], required: []),
    tool("close_output", "Closes the server's stdout and keeps running.", properties: [:], required: []),
  ]

  static func call(_ name: String, arguments: JSONValue) -> JSONValue? {
    switch name {
    case "echo":
      return text(arguments["text"]?.stringValue ?? "")
    case "add":
      guard let a = arguments["a"]?.doubleValue, let b = arguments["b"]?.doubleValue else {
        return text("add needs two numbers a and b", isError: true)
      }
      return text(JSONValue.number(a + b).serialized)
    case "fail":
      return text(arguments["message"]?.nonEmptyString ?? "failed on purpose", isError: true)
    case "env":
      let variable = arguments["name"]?.stringValue ?? ""
      return text(ProcessInfo.processInfo.environment[variable] ?? "(unset)")
    case "picture":
      return [
        "content": [
          ["type": "text", "text": "a red dot:"],
          [
            "type": "image", "mimeType": "image/png",
            "data": "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
          ],
        ]
      ]
    case "odd name.v2":
      return text("odd")
    default:
      return nil
    }
  }

  static func text(_ text: String, isError: Bool = false) -> JSONValue {
    ["content": [["type": "text", "text": .string(text)]], "isError": .bool(isError)]
  }

  private static func tool(_ name: String, _ description: String, properties: [String: JSONValue], required: [String])
    -> JSONValue
  {
    [
      "name": .string(name),
      "description": .string(description),
      "inputSchema": [
        "type": "object",
        "properties": .object(properties.sorted { $0.key < $1.key }.map { JSONMember($0.key, $0.value) }),
        "required": .array(required.map { .string($0) }),
      ],
    ]
  }
}
