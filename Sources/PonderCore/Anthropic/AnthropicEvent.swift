/// The fields of one Anthropic Messages stream event that Ponder uses (protocols.md §3).
///
/// Keys may come in any order, so the whole object is read before acting on `type`. The
/// per-token events (`content_block_delta`) are read with the cursor; the rare ones that carry
/// structure (`message_start`, `content_block_start`, errors) keep a small tree.
struct AnthropicEvent {
  var type: String?
  var index: Int?
  var delta = AnthropicDelta()
  /// `content_block_start`'s block.
  var contentBlock: JSONValue?
  /// `message_start`'s message object, or the `message` string of llama.cpp's bare error shape.
  var message: JSONValue?
  /// A non-null top-level `error` (the Anthropic error envelope).
  var error: JSONValue?
  /// Top-level `usage` (on `message_delta`): cumulative counts.
  var inputTokens: Int?
  var outputTokens: Int?

  static func read(_ reader: inout JSONReader) throws(JSONReader.Failure) -> AnthropicEvent {
    guard reader.peekKind() == .object else { throw reader.fail("an event must be a JSON object") }
    var event = AnthropicEvent()
    try reader.readObject { key, reader throws(JSONReader.Failure) in
      if key.matches("type") {
        event.type = try reader.readStringLeniently()
      } else if key.matches("index") {
        event.index = try reader.readIntLeniently()
      } else if key.matches("delta") {
        event.delta = try AnthropicDelta.read(&reader)
      } else if key.matches("usage") {
        try reader.readObjectLeniently { key, reader throws(JSONReader.Failure) in
          if key.matches("input_tokens") {
            event.inputTokens = try reader.readIntLeniently()
          } else if key.matches("output_tokens") {
            event.outputTokens = try reader.readIntLeniently()
          } else {
            try reader.skipValue()
          }
        }
      } else if key.matches("content_block") {
        event.contentBlock = try reader.readValue()
      } else if key.matches("message") {
        event.message = try reader.readValue()
      } else if key.matches("error") {
        let value = try reader.readValue()
        if !value.isNull { event.error = value }
      } else {
        try reader.skipValue()
      }
    }
    return event
  }
}
