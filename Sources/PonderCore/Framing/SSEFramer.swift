/// Parses a `text/event-stream` body into events, whatever the transport's chunking.
///
/// Follows WHATWG "Interpreting an event stream" (protocols.md §5.1) on bytes: a leading BOM is
/// skipped; lines end in CRLF, LF or a lone CR, and a CR that ends one read pairs with an LF that
/// starts the next; `:` lines are comments; `field: value` loses exactly one leading space; `data`
/// lines are joined with `\n`; a blank line dispatches, and an empty data buffer dispatches
/// nothing. `id` and `retry` are ignored: these are POSTs, never reconnected automatically.
/// Data stays bytes (a read may end inside a character); only the decoder's JSON reader reads it.
public struct SSEFramer: Sendable {
  /// The largest event accepted (data plus the line being read), like the NDJSON record cap.
  public let maxEventLength: Int
  private var buffer = ByteLineBuffer()
  /// The previous line ended with a CR at the end of the buffer: an LF that follows belongs to it.
  private var skipLineFeed = false
  /// Whether the first bytes of the stream were checked for a BOM.
  private var checkedBOM = false
  private var data: [UInt8] = []
  private var eventType: String?

  public init(maxEventLength: Int = 8 << 20) {
    self.maxEventLength = maxEventLength
  }

  /// Adds bytes read from the network.
  public mutating func append(_ bytes: some Collection<UInt8>) { buffer.append(bytes) }

  /// The next complete event, `nil` when more bytes are needed.
  /// - Throws: ``ChatError/Kind/malformed`` when an event grows past ``maxEventLength``.
  public mutating func nextEvent() throws(ChatError) -> SSEEvent? {
    guard skipBOM() else { return nil }
    while let line = findLineEnd() {
      let lineStart = buffer.start
      buffer.consume(upTo: line.next)
      // The same limit whether the line came whole or is still arriving (checked below).
      try checkSize(pendingLine: line.end - lineStart)
      if let event = processLine(lineStart..<line.end) { return event }
    }
    buffer.searchedAll()
    try checkSize(pendingLine: buffer.pending.count)
    return nil
  }

  /// Ends the stream; call it once ``nextEvent()`` has returned `nil`, so only the last,
  /// unterminated line is left. By the spec an event without its closing blank line is
  /// discarded; as a pragmatic exception it is returned when its data is complete JSON (or
  /// `[DONE]`), so a server that omits the final blank line loses nothing.
  public mutating func finish() -> SSEEvent? {
    defer { reset() }
    if !checkedBOM, Self.bom.starts(with: buffer.pending) { return nil }
    if !buffer.pending.isEmpty {
      let line = buffer.start..<buffer.bytes.count
      buffer.consume(upTo: line.upperBound)
      if let event = processLine(line) { return event }
    }
    guard !data.isEmpty else { return nil }
    data.removeLast()  // the `\n` added after the last data line
    if data == Self.doneMarker || (try? JSONValue.parse(data)) != nil {
      return SSEEvent(type: eventType ?? "message", data: data)
    }
    return nil
  }

  // MARK: - Lines

  private static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
  private static let doneMarker = Array("[DONE]".utf8)

  /// Skips a BOM at the very start; `false` while the first bytes could still be one.
  private mutating func skipBOM() -> Bool {
    guard !checkedBOM else { return true }
    let head = buffer.pending
    if head.count < Self.bom.count, Self.bom.starts(with: head) { return false }
    if head.starts(with: Self.bom) { buffer.consume(upTo: head.startIndex + Self.bom.count) }
    checkedBOM = true
    return true
  }

  /// The end of the next line and where the line after it starts.
  private mutating func findLineEnd() -> (end: Int, next: Int)? {
    if skipLineFeed, let first = buffer.pending.first {
      skipLineFeed = false
      if first == 0x0A { buffer.consume(upTo: buffer.start + 1) }
    }
    let bytes = buffer.bytes
    var index = buffer.searchStart
    while index < bytes.count {
      switch bytes[index] {
      case 0x0A:
        return (index, index + 1)
      case 0x0D:
        if index + 1 < bytes.count {
          return (index, bytes[index + 1] == 0x0A ? index + 2 : index + 1)
        }
        skipLineFeed = true
        return (index, index + 1)
      default:
        index += 1
      }
    }
    return nil
  }

  private mutating func processLine(_ range: Range<Int>) -> SSEEvent? {
    let line = buffer.bytes[range]
    guard let first = line.first else { return dispatch() }
    if first == UInt8(ascii: ":") { return nil }
    let colon = line.firstIndex(of: UInt8(ascii: ":")) ?? line.endIndex
    let name = line[line.startIndex..<colon]
    var valueStart = colon == line.endIndex ? colon : colon + 1
    if valueStart < line.endIndex, line[valueStart] == 0x20 { valueStart += 1 }
    let value = line[valueStart..<line.endIndex]
    if name.elementsEqual("data".utf8) {
      data.append(contentsOf: value)
      data.append(0x0A)
    } else if name.elementsEqual("event".utf8) {
      eventType = String(decoding: value, as: UTF8.self)
    }
    return nil
  }

  private mutating func dispatch() -> SSEEvent? {
    defer {
      data.removeAll(keepingCapacity: true)
      eventType = nil
    }
    guard !data.isEmpty else { return nil }
    return SSEEvent(type: eventType ?? "message", data: Array(data[..<(data.count - 1)]))
  }

  private func checkSize(pendingLine: Int) throws(ChatError) {
    if data.count + pendingLine > maxEventLength {
      throw ChatError(.malformed, "an event is longer than \(maxEventLength) bytes")
    }
  }

  private mutating func reset() {
    buffer.removeAll()
    data.removeAll()
    eventType = nil
    skipLineFeed = false
  }
}
