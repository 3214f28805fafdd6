import PonderCore

/// Lines of Ollama's `/api/chat` stream (protocols.md §1.3, §1.4).
enum OllamaLines {
  static func thinking(_ text: String) -> String {
    let line: JSONValue = [
      "model": "m", "message": ["role": "assistant", "content": "", "thinking": .string(text)], "done": false,
    ]
    return line.serialized
  }

  static func content(_ text: String) -> String {
    let line: JSONValue = ["model": "m", "message": ["role": "assistant", "content": .string(text)], "done": false]
    return line.serialized
  }

  static func toolCalls(_ calls: [ToolCall]) -> String {
    let wire: [JSONValue] = calls.enumerated().map { index, call in
      var members: [JSONMember] = []
      if let id = call.id { members.append(JSONMember("id", .string(id))) }
      members.append(
        JSONMember(
          "function", ["index": .number(Double(index)), "name": .string(call.name), "arguments": call.arguments]))
      return .object(members)
    }
    let line: JSONValue = [
      "model": "m", "message": ["role": "assistant", "content": "", "tool_calls": .array(wire)], "done": false,
    ]
    return line.serialized
  }

  static let done =
    #"{"model":"m","message":{"role":"assistant","content":""},"done":true,"done_reason":"stop","eval_count":3}"#

  static let stats = GenerationStats(doneReason: "stop", completionTokens: 3)
}
