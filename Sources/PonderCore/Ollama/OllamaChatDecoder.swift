/// Decodes Ollama's `POST /api/chat` NDJSON stream (protocols.md §1.3–1.5).
///
/// Per record: an `error` key is an in-band failure; otherwise `message.thinking`, then
/// `message.content`, then `message.tool_calls` are emitted, and `done:true` ends the stream with
/// the server's statistics. Reads only the keys it needs and skips the rest without allocating.
public struct OllamaChatDecoder: StreamDecoder, FramedStreamDecoder {
  var framer: NDJSONFramer
  var finished = false

  public init(maxRecordLength: Int = 8 << 20) {
    framer = NDJSONFramer(maxRecordLength: maxRecordLength)
  }

  public mutating func decode(_ chunk: [UInt8]) -> [StreamEvent] { decodeFrames(chunk) }

  public mutating func finish() -> [StreamEvent] { finishFrames() }

  var truncationMessage: String { "the server closed the stream before done:true" }

  mutating func handle(_ record: ArraySlice<UInt8>, into events: inout [StreamEvent]) {
    let parsed = withContiguousBytes(record) { bytes in Result { () throws(JSONReader.Failure) in
        var reader = JSONReader(bytes)
        let chunk = try OllamaChunk.read(&reader)
        try reader.expectEnd()
        return chunk
      }
    }
    switch parsed {
    case .failure(let failure):
      finish(with: .error(ChatError(.malformed, failure.description)), into: &events)
    case .success(let chunk):
      if let message = chunk.error {
        finish(with: .error(ChatError(.server, message)), into: &events)
        return
      }
      if let thinking = chunk.thinking, !thinking.isEmpty { events.append(.reasoning(thinking)) }
      if let content = chunk.content, !content.isEmpty { events.append(.answer(content)) }
      if !chunk.toolCalls.isEmpty { events.append(.toolCalls(chunk.toolCalls)) }
      if chunk.done { finish(with: .done(chunk.stats), into: &events) }
    }
  }
}

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
