/// Turns a response's bytes into events of any kind, one network read at a time, with the same
/// contract as ``StreamDecoder``: identical events however the bytes are chunked, nothing after
/// a terminal event.
public protocol EventDecoder: Sendable {
  associatedtype Event: Sendable & Equatable
  /// Consumes one network read.
  mutating func decode(_ chunk: [UInt8]) -> [Event]
  /// Consumes the end of the stream: flushes what is held back and reports truncation.
  mutating func finish() -> [Event]
}
