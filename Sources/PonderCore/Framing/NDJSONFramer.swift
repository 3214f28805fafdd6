/// Splits a byte stream into newline-terminated records, whatever the transport's chunking.
///
/// Works on bytes before any UTF-8 decoding: `0x0A` never occurs inside a multi-byte character
/// nor unescaped inside a JSON string, so a read ending mid-character is harmless. Empty lines
/// are skipped and a trailing `\r` is trimmed (protocols.md §5.2).
public struct NDJSONFramer: Sendable {
  /// The longest record accepted; Ollama's own client allows 8 MB.
  public let maxRecordLength: Int
  private var buffer = ByteLineBuffer()

  public init(maxRecordLength: Int = 8 << 20) {
    self.maxRecordLength = maxRecordLength
  }

  /// Adds bytes read from the network.
  public mutating func append(_ bytes: some Collection<UInt8>) { buffer.append(bytes) }

  /// The next complete record (without its newline), `nil` when more data is needed.
  /// - Throws: ``ChatError/Kind/malformed`` when a record grows past ``maxRecordLength``.
  public mutating func nextRecord() throws(ChatError) -> ArraySlice<UInt8>? {
    while true {
      guard let newline = buffer.firstIndex(of: 0x0A) else {
        buffer.searchedAll()
        // A CR at the end may be the first half of a CRLF, which the record does not count.
        let pending = buffer.pending.count - (buffer.bytes.last == 0x0D ? 1 : 0)
        if pending > maxRecordLength {
          throw ChatError(.malformed, "a record is longer than \(maxRecordLength) bytes")
        }
        return nil
      }
      let recordStart = buffer.start
      buffer.consume(upTo: newline + 1)
      var end = newline
      if end > recordStart, buffer.bytes[end - 1] == 0x0D { end -= 1 }
      if end - recordStart > maxRecordLength {
        throw ChatError(.malformed, "a record is longer than \(maxRecordLength) bytes")
      }
      if end > recordStart { return buffer.bytes[recordStart..<end] }
    }
  }

  /// What is left at end of stream: a last record with no newline (error bodies have none).
  public mutating func finish() -> ArraySlice<UInt8>? {
    defer { buffer.removeAll() }
    var rest = buffer.pending
    if rest.last == 0x0D { rest.removeLast() }
    return rest.allSatisfy { $0 == 0x20 || $0 == 0x09 } ? nil : rest
  }
}
