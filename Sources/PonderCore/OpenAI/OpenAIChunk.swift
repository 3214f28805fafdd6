/// The fields of one Chat Completions stream chunk that Ponder uses (protocols.md §2.2–2.7).
///
/// Read with the ``JSONReader`` cursor: one chunk arrives per token, so unknown keys
/// (`system_fingerprint`, `obfuscation`, `logprobs`, …) are skipped without building a tree.
/// Only the first choice (`index` 0 or absent) is read; Ponder never asks for `n > 1`.
struct OpenAIChunk {
  /// The message of an in-band error: a top-level `error` key or `"object":"error"`.
  var errorMessage: String?
  var reasoning: String?
  var content: String?
  var refusal: String?
  var toolCalls: [ToolCallDelta] = []
  var finishReason: String?
  var usage: Usage?
  var timings: LlamaTimings?

  /// Token counts from `usage`.
  struct Usage: Sendable, Equatable {
    var promptTokens: Int?
    var completionTokens: Int?
  }

  /// llama.cpp's own measurements, which make tok/s the server's figure rather than a guess.
  struct LlamaTimings: Sendable, Equatable {
    var promptCount: Int?
    var promptMilliseconds: Double?
    var predictedCount: Int?
    var predictedMilliseconds: Double?
  }

  static func read(_ reader: inout JSONReader) throws(JSONReader.Failure) -> OpenAIChunk {
    guard reader.peekKind() == .object else { throw reader.fail("a chunk must be a JSON object") }
    var chunk = OpenAIChunk()
    var object: String?
    var flatMessage: String?
    var sawChoice = false
    try reader.readObject { key, reader throws(JSONReader.Failure) in
      if key.matches("choices") {
        try reader.readArrayLeniently { reader throws(JSONReader.Failure) in
          let choice = try Choice.read(&reader)
          guard !sawChoice, (choice.index ?? 0) == 0 else { return }
          sawChoice = true
          chunk.apply(choice)
        }
      } else if key.matches("usage") {
        chunk.usage = try readUsage(&reader) ?? chunk.usage
      } else if key.matches("timings") {
        chunk.timings = try readTimings(&reader) ?? chunk.timings
      } else if key.matches("error") {
        chunk.errorMessage = try readError(&reader)
      } else if key.matches("object") {
        object = try reader.readStringLeniently()
      } else if key.matches("message") {
        flatMessage = try reader.readStringLeniently()
      } else {
        try reader.skipValue()
      }
    }
    if chunk.errorMessage == nil, object == "error" {
      chunk.errorMessage = nonEmpty(flatMessage) ?? "the server reported an error"
    }
    return chunk
  }

  private mutating func apply(_ choice: Choice) {
    reasoning = choice.reasoningContent ?? choice.reasoning
    content = choice.content
    refusal = choice.refusal
    toolCalls = choice.toolCalls
    finishReason = choice.finishReason
  }

  /// One element of `choices`; empty strings are kept out so "absent, null, empty" read alike.
  private struct Choice {
    var index: Int?
    var content: String?
    var reasoningContent: String?
    var reasoning: String?
    var refusal: String?
    var toolCalls: [ToolCallDelta] = []
    var finishReason: String?

    static func read(_ reader: inout JSONReader) throws(JSONReader.Failure) -> Choice {
      var choice = Choice()
      try reader.readObjectLeniently { key, reader throws(JSONReader.Failure) in
        if key.matches("index") {
          choice.index = try reader.readIntLeniently()
        } else if key.matches("finish_reason") {
          choice.finishReason = nonEmpty(try reader.readStringLeniently())
        } else if key.matches("delta") {
          try choice.readDelta(&reader)
        } else {
          try reader.skipValue()
        }
      }
      return choice
    }

    private mutating func readDelta(_ reader: inout JSONReader) throws(JSONReader.Failure) {
      try reader.readObjectLeniently { key, reader throws(JSONReader.Failure) in
        if key.matches("content") {
          content = nonEmpty(try reader.readStringLeniently())
        } else if key.matches("reasoning_content") {
          reasoningContent = nonEmpty(try reader.readStringLeniently())
        } else if key.matches("reasoning") {
          reasoning = nonEmpty(try reader.readStringLeniently())
        } else if key.matches("refusal") {
          refusal = nonEmpty(try reader.readStringLeniently())
        } else if key.matches("tool_calls") {
          try reader.readArrayLeniently { reader throws(JSONReader.Failure) in
            toolCalls.append(try readToolCall(&reader))
          }
        } else {
          try reader.skipValue()
        }
      }
    }

    /// `{index, id?, type?, function:{name?, arguments?}}`; `arguments` is normally a string
    /// fragment, but an object (a server sending the whole call) is accepted as its JSON text.
    private func readToolCall(_ reader: inout JSONReader) throws(JSONReader.Failure) -> ToolCallDelta {
      var delta = ToolCallDelta()
      try reader.readObjectLeniently { key, reader throws(JSONReader.Failure) in
        if key.matches("index") {
          delta.index = try reader.readIntLeniently()
        } else if key.matches("id") {
          delta.id = try reader.readStringLeniently()
        } else if key.matches("function") {
          try reader.readObjectLeniently { key, reader throws(JSONReader.Failure) in
            if key.matches("name") {
              delta.name = try reader.readStringLeniently()
            } else if key.matches("arguments") {
              switch reader.peekKind() {
              case .string: delta.arguments = try reader.readString()
              case .object, .array: delta.arguments = try reader.readValue().serialized
              default: try reader.skipValue()
              }
            } else {
              try reader.skipValue()
            }
          }
        } else {
          try reader.skipValue()
        }
      }
      return delta
    }
  }

  private static func readUsage(_ reader: inout JSONReader) throws(JSONReader.Failure) -> Usage? {
    guard reader.peekKind() == .object else {
      try reader.skipValue()
      return nil
    }
    var usage = Usage()
    try reader.readObject { key, reader throws(JSONReader.Failure) in
      if key.matches("prompt_tokens") {
        usage.promptTokens = try reader.readIntLeniently()
      } else if key.matches("completion_tokens") {
        usage.completionTokens = try reader.readIntLeniently()
      } else {
        try reader.skipValue()
      }
    }
    return usage
  }

  private static func readTimings(_ reader: inout JSONReader) throws(JSONReader.Failure) -> LlamaTimings? {
    guard reader.peekKind() == .object else {
      try reader.skipValue()
      return nil
    }
    var timings = LlamaTimings()
    try reader.readObject { key, reader throws(JSONReader.Failure) in
      if key.matches("prompt_n") {
        timings.promptCount = try reader.readIntLeniently()
      } else if key.matches("prompt_ms") {
        timings.promptMilliseconds = try reader.readNumberLeniently()
      } else if key.matches("predicted_n") {
        timings.predictedCount = try reader.readIntLeniently()
      } else if key.matches("predicted_ms") {
        timings.predictedMilliseconds = try reader.readNumberLeniently()
      } else {
        try reader.skipValue()
      }
    }
    return timings
  }

  /// `"error"` may be an object (`message`, `type`, `code` int/string/null) or a string; `null` is no error.
  private static func readError(_ reader: inout JSONReader) throws(JSONReader.Failure) -> String? {
    let value = try reader.readValue()
    if value.isNull { return nil }
    if let text = value.stringValue { return text.isEmpty ? "the server reported an error" : text }
    return ErrorBody.message(in: .object([JSONMember("error", value)])) ?? value.serialized
  }
}

/// `nil` for `""`: the protocols treat a missing key, `null` and `""` alike.
func nonEmpty(_ text: String?) -> String? {
  guard let text, !text.isEmpty else { return nil }
  return text
}
