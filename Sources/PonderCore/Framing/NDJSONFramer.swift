#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Splits a byte stream into newline-terminated records, whatever the transport's chunking.
///
/// Works on bytes before any UTF-8 decoding: `0x0A` never occurs inside a multi-byte character
/// nor unescaped inside a JSON string, so a read ending mid-character is harmless. Empty lines
/// are skipped and a trailing `\r` is trimmed (protocols.md §5.2).
public struct NDJSONFramer: Sendable {
  /// The longest record accepted; Ollama's own client allows 8 MB.
  public let maxRecordLength: Int
  private var buffer: [UInt8] = []
  /// Start of the first record not yet handed out.
  private var start = 0
  /// Bytes before this index (from `start`) are known to hold no newline.
  private var scanned = 0

  public init(maxRecordLength: Int = 8 << 20) {
    self.maxRecordLength = maxRecordLength
  }

  /// Adds bytes read from the network.
  public mutating func append(_ bytes: some Collection<UInt8>) {
    if start > 0, start >= buffer.count / 2 {
      buffer.removeSubrange(0..<start)
      scanned -= start
      start = 0
    }
    buffer.append(contentsOf: bytes)
  }

  /// The next complete record (without its newline), `nil` when more data is needed.
  /// - Throws: ``ChatError/Kind/malformed`` when a record grows past ``maxRecordLength``.
  public mutating func nextRecord() throws(ChatError) -> ArraySlice<UInt8>? {
    while true {
      guard let newline = findNewline() else {
        scanned = buffer.count
        // A CR at the end may be the first half of a CRLF, which the record does not count.
        let pending = buffer.count - start - (buffer.last == 0x0D ? 1 : 0)
        if pending > maxRecordLength {
          throw ChatError(.malformed, "a record is longer than \(maxRecordLength) bytes")
        }
        return nil
      }
      var end = newline
      let recordStart = start
      start = newline + 1
      scanned = start
      if end > recordStart, buffer[end - 1] == 0x0D { end -= 1 }
      if end - recordStart > maxRecordLength {
        throw ChatError(.malformed, "a record is longer than \(maxRecordLength) bytes")
      }
      if end > recordStart { return buffer[recordStart..<end] }
    }
  }

  /// What is left at end of stream: a last record with no newline (error bodies have none).
  public mutating func finish() -> ArraySlice<UInt8>? {
    var end = buffer.count
    if end > start, buffer[end - 1] == 0x0D { end -= 1 }
    defer {
      buffer.removeAll()
      start = 0
      scanned = 0
    }
    let rest = buffer[start..<end]
    return rest.allSatisfy { $0 == 0x20 || $0 == 0x09 } ? nil : rest
  }

  private func findNewline() -> Int? {
    let from = Swift.max(start, scanned)
    guard from < buffer.count else { return nil }
    return buffer.withUnsafeBufferPointer { pointer -> Int? in
      guard let base = pointer.baseAddress,
        let hit = memchr(base + from, 0x0A, pointer.count - from)
      else { return nil }
      return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }
  }
}
