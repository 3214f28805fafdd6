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
