/// The `delta` object of an Anthropic stream event: a piece of a content block
/// (`content_block_delta`) or the message's stop reason (`message_delta`).
struct AnthropicDelta {
  /// `text_delta`, `thinking_delta`, `input_json_delta`, `signature_delta`, …
  var type: String?
  var text: String?
  var thinking: String?
  /// A piece of a tool call's arguments.
  var partialJSON: String?
  /// `message_delta`'s stop reason.
  var stopReason: String?

  static func read(_ reader: inout JSONReader) throws(JSONReader.Failure) -> AnthropicDelta {
    var delta = AnthropicDelta()
    try reader.readObjectLeniently { key, reader throws(JSONReader.Failure) in
      if key.matches("type") {
        delta.type = try reader.readStringLeniently()
      } else if key.matches("text") {
        delta.text = try reader.readStringLeniently()
      } else if key.matches("thinking") {
        delta.thinking = try reader.readStringLeniently()
      } else if key.matches("partial_json") {
        delta.partialJSON = try reader.readStringLeniently()
      } else if key.matches("stop_reason") {
        delta.stopReason = nonEmpty(try reader.readStringLeniently())
      } else {
        try reader.skipValue()
      }
    }
    return delta
  }
}
