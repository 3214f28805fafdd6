/// One `delta.tool_calls[]` element of a Chat Completions chunk: every field is optional.
struct ToolCallDelta: Sendable, Equatable {
  var index: Int?
  var id: String?
  var name: String?
  var arguments: String?
}
