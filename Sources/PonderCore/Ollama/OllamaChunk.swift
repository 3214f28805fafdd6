/// The fields of one `/api/chat` record that Ponder uses.
struct OllamaChunk {
  var thinking: String?
  var content: String?
  var toolCalls: [ToolCall] = []
  var done = false
  var error: String?
  var stats = GenerationStats()

  static func read(_ reader: inout JSONReader) throws(JSONReader.Failure) -> OllamaChunk {
    var chunk = OllamaChunk()
    guard reader.peekKind() == .object else { throw reader.fail("a record must be a JSON object") }
    try reader.readObject { key, reader throws(JSONReader.Failure) in
      if key.matches("message") {
        try chunk.readMessage(&reader)
      } else if key.matches("done") {
        chunk.done = try reader.readBoolOrNull() ?? false
      } else if key.matches("error") {
        chunk.error = try readError(&reader)
      } else if key.matches("done_reason") {
        chunk.stats.doneReason = try reader.readStringOrNull()
      } else if key.matches("eval_count") {
        chunk.stats.completionTokens = try reader.readNumberOrNull()?.integerValue
      } else if key.matches("prompt_eval_count") {
        chunk.stats.promptTokens = try reader.readNumberOrNull()?.integerValue
      } else if key.matches("eval_duration") {
        chunk.stats.evalNanoseconds = try reader.readNumberOrNull()?.integerValue.map(Int64.init)
      } else if key.matches("prompt_eval_duration") {
        chunk.stats.promptEvalNanoseconds = try reader.readNumberOrNull()?.integerValue.map(Int64.init)
      } else if key.matches("load_duration") {
        chunk.stats.loadNanoseconds = try reader.readNumberOrNull()?.integerValue.map(Int64.init)
      } else if key.matches("total_duration") {
        chunk.stats.totalNanoseconds = try reader.readNumberOrNull()?.integerValue.map(Int64.init)
      } else {
        try reader.skipValue()
      }
    }
    return chunk
  }

  private mutating func readMessage(_ reader: inout JSONReader) throws(JSONReader.Failure) {
    guard reader.peekKind() == .object else { return try reader.skipValue() }
    try reader.readObject { key, reader throws(JSONReader.Failure) in
      if key.matches("content") {
        content = try reader.readStringOrNull()
      } else if key.matches("thinking") {
        thinking = try reader.readStringOrNull()
      } else if key.matches("tool_calls") {
        guard reader.peekKind() == .array else { return try reader.skipValue() }
        try reader.readArray { reader throws(JSONReader.Failure) in
          if let call = try Self.readToolCall(&reader) { toolCalls.append(call) }
        }
      } else {
        try reader.skipValue()
      }
    }
  }

  /// `{"id":"call_…","function":{"index":0,"name":"…","arguments":{…}}}`; `arguments` is an object.
  private static func readToolCall(_ reader: inout JSONReader) throws(JSONReader.Failure) -> ToolCall? {
    let value = try reader.readValue()
    let function = value["function"]
    guard let name = function?["name"]?.nonEmptyString else { return nil }
    var arguments = function?["arguments"] ?? .emptyObject
    if arguments.isNull { arguments = .emptyObject }
    // Some servers send arguments as a JSON string; accept it and keep the object form.
    if case .string(let text) = arguments {
      arguments = (try? JSONValue.parse(text)) ?? .object([JSONMember("raw", .string(text))])
    }
    return ToolCall(id: value["id"]?.nonEmptyString, name: name, arguments: arguments)
  }

  private static func readError(_ reader: inout JSONReader) throws(JSONReader.Failure) -> String? {
    let value = try reader.readValue()
    if value.isNull { return nil }
    if let text = value.stringValue { return text.isEmpty ? nil : text }
    return ErrorBody.message(in: .object([JSONMember("error", value)])) ?? value.serialized
  }
}
