/// Cuts a byte stream into frames (NDJSON records, SSE events): what every decoder reads.
protocol StreamFramer: Sendable {
  associatedtype Frame
  mutating func append(_ bytes: [UInt8])
  /// The next complete frame, `nil` when more bytes are needed.
  mutating func nextFrame() throws(ChatError) -> Frame?
  /// What is left at end of stream, when it makes a frame.
  mutating func finishFrame() -> Frame?
}
