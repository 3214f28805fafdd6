/// Turns bytes read straight from the terminal into ``KeyDecoder/RawKey`` characters, keeping a
/// UTF-8 sequence split across reads for the next one.
///
/// Used while a bracketed paste is open: ncurses reads its input one byte per system call,
/// which made a 1 MB paste take seconds, so the paste's bytes are read in bulk instead and fed
/// to ``BracketedPaste`` as characters. Invalid bytes become U+FFFD, as a paste's text would.
struct RawInputDecoder {
  private var pending: [UInt8] = []

  mutating func decode(_ bytes: some Collection<UInt8>) -> [KeyDecoder.RawKey] {
    pending.append(contentsOf: bytes)
    let complete = Self.completePrefixLength(pending)
    var keys: [KeyDecoder.RawKey] = []
    keys.reserveCapacity(complete)
    for scalar in String(decoding: pending[..<complete], as: UTF8.self).unicodeScalars {
      keys.append(.character(scalar.value))
    }
    pending.removeFirst(complete)
    return keys
  }

  /// How many leading bytes end on a character boundary: a lead byte near the end whose
  /// sequence is not complete yet is held back (at most 3 bytes).
  static func completePrefixLength(_ bytes: [UInt8]) -> Int {
    let count = bytes.count
    var back = 1
    while back <= min(3, count) {
      let byte = bytes[count - back]
      if byte & 0xC0 != 0x80 {
        let needed = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
        return needed > back ? count - back : count
      }
      back += 1
    }
    return count
  }
}
