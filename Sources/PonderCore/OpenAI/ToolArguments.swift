/// Turns the streamed text of a tool call's arguments into the ``ToolCall`` value, parsed once.
///
/// OpenAI-style servers stream `arguments` as fragments of a JSON string and Anthropic-style ones
/// as `partial_json` pieces; both are concatenated and parsed here when the call is complete
/// (protocols.md §2.4, §3). Nothing at all means `{}`. Text that is not a JSON object does not
/// fail the stream: the call keeps the raw text and says why, so the model can be told.
enum ToolArguments {
  static func toolCall(id: String?, name: String, rawArguments raw: String) -> ToolCall {
    if raw.trimmingWhitespace().isEmpty { return ToolCall(id: id, name: name) }
    switch Result(catching: { () throws(JSONReader.Failure) in try JSONValue.parse(raw) }) {
    case .success(let value) where value.objectMembers != nil:
      return ToolCall(id: id, name: name, arguments: value)
    case .success(.null):
      return ToolCall(id: id, name: name)
    case .success:
      return ToolCall(id: id, name: name, arguments: .string(raw), argumentsError: "arguments are not a JSON object")
    case .failure(let failure):
      return ToolCall(id: id, name: name, arguments: .string(raw), argumentsError: failure.description)
    }
  }
}
