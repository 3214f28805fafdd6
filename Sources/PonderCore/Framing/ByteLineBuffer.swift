#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The bytes a framer was given and has not cut into lines yet, for ``NDJSONFramer`` and
/// ``SSEFramer``: reads are appended, the consumed front is dropped once it is half the buffer,
/// and the search for a line end resumes where it stopped, so a line arriving a byte at a time
/// is scanned once, not once per read.
struct ByteLineBuffer: Sendable {
  private(set) var bytes: [UInt8] = []
  /// Start of the first byte not yet consumed.
  private(set) var start = 0
  /// Bytes before this index (from `start`) are known to hold no line end.
  private var scanned = 0

  /// The bytes not yet consumed.
  var pending: ArraySlice<UInt8> { bytes[start...] }

  /// Where the search for the next line end starts: past what was already searched.
  var searchStart: Int { Swift.max(start, scanned) }

  /// Adds bytes read from the network.
  mutating func append(_ more: some Collection<UInt8>) {
    if start > 0, start >= bytes.count / 2 {
      bytes.removeSubrange(0..<start)
      scanned -= start
      start = 0
    }
    bytes.append(contentsOf: more)
  }

  /// The index of the first `byte` from ``searchStart``, `nil` when none has arrived.
  func firstIndex(of byte: UInt8) -> Int? {
    let from = searchStart
    guard from < bytes.count else { return nil }
    return bytes.withUnsafeBufferPointer { pointer -> Int? in
      guard let base = pointer.baseAddress,
        let hit = memchr(base + from, Int32(byte), pointer.count - from)
      else { return nil }
      return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }
  }

  /// Records that the bytes so far hold no line end.
  mutating func searchedAll() { scanned = bytes.count }

  /// Consumes the bytes before `index` (a line and its terminator, a BOM).
  mutating func consume(upTo index: Int) {
    start = index
    scanned = Swift.max(scanned, index)
  }

  mutating func removeAll() {
    bytes.removeAll()
    start = 0
    scanned = 0
  }
}
