import PonderCore

/// Keeps a bounded amount of a stream: its beginning and its end, counting what is dropped in
/// between, so a command printing 100 MB costs `limit` bytes of memory, not 100 MB.
///
/// The end is kept too because that is where compilers and test runners print their verdict.
struct OutputCapture: Sendable {
  let headLimit: Int
  let tailLimit: Int
  private(set) var head: [UInt8] = []
  /// The most recent bytes after the head filled; trimmed to `tailLimit` lazily (at 2×).
  private var tail: [UInt8] = []
  /// Every byte seen, kept or not.
  private(set) var totalBytes = 0

  /// - Parameter limit: bytes kept at most; a quarter of it (up to 16 KB) is the tail.
  init(limit: Int) {
    tailLimit = min(limit / 4, 16 << 10)
    headLimit = limit - tailLimit
  }

  mutating func append(_ bytes: UnsafeRawBufferPointer) {
    totalBytes += bytes.count
    var rest = bytes.assumingMemoryBound(to: UInt8.self)
    if head.count < headLimit {
      let take = min(headLimit - head.count, rest.count)
      head.append(contentsOf: UnsafeBufferPointer(rebasing: rest[..<take]))
      rest = UnsafeBufferPointer(rebasing: rest[take...])
    }
    guard !rest.isEmpty, tailLimit > 0 else { return }
    tail.append(contentsOf: UnsafeBufferPointer(rebasing: rest[max(0, rest.count - tailLimit)...]))
    if tail.count > 2 * tailLimit { tail.removeFirst(tail.count - tailLimit) }
  }

  mutating func append(_ bytes: [UInt8]) {
    bytes.withUnsafeBytes { append($0) }
  }

  /// Bytes held in memory now: at most `limit` plus the tail's slack (`tailLimit`).
  var storedBytes: Int { head.count + tail.count }

  /// Bytes seen but not kept.
  var droppedBytes: Int { totalBytes - head.count - keptTail.count }

  private var keptTail: ArraySlice<UInt8> { tail.suffix(tailLimit) }

  /// The kept text, with a marker where bytes were dropped.
  var text: String {
    guard droppedBytes > 0 else { return String(decoding: head + keptTail, as: UTF8.self) }
    return String(decoding: head, as: UTF8.self)
      + "\n[… \(ByteSize.text(droppedBytes)) not shown …]\n"
      + String(decoding: keptTail, as: UTF8.self)
  }
}
