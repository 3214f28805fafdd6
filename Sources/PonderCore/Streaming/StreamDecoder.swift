/// Turns a protocol's response bytes into ``StreamEvent``s, one network read at a time.
///
/// Contract: the events must be identical however the bytes are chunked (checked by the decoder
/// verifier in the tests). After a terminal event (`done`, `error`) a decoder ignores further bytes.
public protocol StreamDecoder: Sendable {
  /// Consumes one network read.
  mutating func decode(_ chunk: [UInt8]) -> [StreamEvent]
  /// Consumes the end of the stream: flushes what is held back and reports truncation.
  mutating func finish() -> [StreamEvent]
}

/// Reads the human message out of an HTTP error body, whatever the server's dialect.
///
/// Handles Ollama's `{"error":"…"}`, OpenAI's `{"error":{"message":…}}`, Anthropic's
/// `{"type":"error","error":{…}}`, the flat `{"object":"error","message":…}` and non-JSON bodies
/// (an HTML page from a proxy is cut to its first 500 bytes, one line).
public enum ErrorBody {
  public static func message(from body: [UInt8]) -> String? {
    if let json = try? JSONValue.parse(body), let text = message(in: json) { return text }
    let text = String(decoding: body.prefix(500), as: UTF8.self)
    let oneLine = text.split(whereSeparator: { $0.isNewline || $0 == "\t" }).joined(separator: " ")
    let trimmed = oneLine.trimmingWhitespace()
    return trimmed.isEmpty ? nil : trimmed
  }

  /// The message inside an in-band or out-of-band JSON error object, when there is one.
  public static func message(in json: JSONValue) -> String? {
    if let text = json["error"]?.nonEmptyString { return text }
    if let inner = json["error"], inner.objectMembers != nil {
      return inner["message"]?.nonEmptyString ?? inner["type"]?.nonEmptyString ?? inner.serialized
    }
    if json["object"]?.stringValue == "error" || json["type"]?.stringValue == "error" {
      return json["message"]?.nonEmptyString ?? "error"
    }
    return json["message"]?.nonEmptyString
  }
}
