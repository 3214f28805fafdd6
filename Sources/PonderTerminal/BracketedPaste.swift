/// Finds bracketed pastes (`ESC [ 200 ~` … `ESC [ 201 ~`) in the raw keys, across reads.
///
/// With bracketed paste on, a pasted snippet arrives as one `.paste` instead of keys: its
/// newlines go into the message instead of sending it, and nothing in it is taken for a command.
/// A long paste spans several reads, so the assembler keeps what it has until the end marker.
struct BracketedPaste {
  enum Part: Equatable {
    case keys([KeyDecoder.RawKey])
    case paste(String)
    /// A paste over ``limit``: its size in bytes; the text itself is dropped.
    case tooLarge(Int)
  }

  static let start: [UInt32] = [0x1B, 0x5B, 0x32, 0x30, 0x30, 0x7E]
  static let end: [UInt32] = [0x1B, 0x5B, 0x32, 0x30, 0x31, 0x7E]
  /// The most a paste may hold (1 MB of text); a larger one is refused whole, never cut.
  static let limit = 1 << 20

  /// The paste being read, appended in place (linear in its size), and its UTF-8 size so far.
  private var pasting: String.UnicodeScalarView?
  private var pastedBytes = 0

  /// Whether a paste has started and its end marker has not been read yet.
  var isOpen: Bool { pasting != nil }

  /// Whether `raw` ends with the start marker (a paste opens with the last keys read).
  static func endsWithStart(_ raw: [KeyDecoder.RawKey]) -> Bool {
    guard raw.count >= start.count, raw.last?.code == start.last else { return false }
    return zip(raw.suffix(start.count), start).allSatisfy { !$0.isFunctionKey && $0.code == $1 }
  }

  mutating func split(_ raw: [KeyDecoder.RawKey]) -> [Part] {
    var parts: [Part] = []
    var keys: [KeyDecoder.RawKey] = []
    var index = 0
    while index < raw.count {
      if pasting != nil {
        if matches(Self.end, in: raw, at: index) {
          parts.append(pastedBytes > Self.limit ? .tooLarge(pastedBytes) : .paste(String(pasting!)))
          pasting = nil
          index += Self.end.count
          continue
        }
        let key = raw[index]
        if !key.isFunctionKey, let scalar = Unicode.Scalar(key.code) {
          pastedBytes += scalar.utf8.count
          // Past the limit the text is not kept (memory stays bounded); the size still counts.
          if pastedBytes <= Self.limit { pasting?.append(scalar) }
        }
        index += 1
        continue
      }
      if matches(Self.start, in: raw, at: index) {
        if !keys.isEmpty { parts.append(.keys(keys)) }
        keys = []
        pasting = String.UnicodeScalarView()
        pastedBytes = 0
        index += Self.start.count
        continue
      }
      keys.append(raw[index])
      index += 1
    }
    if !keys.isEmpty { parts.append(.keys(keys)) }
    return parts
  }

  private func matches(_ marker: [UInt32], in raw: [KeyDecoder.RawKey], at index: Int) -> Bool {
    guard index + marker.count <= raw.count else { return false }
    for offset in 0..<marker.count where raw[index + offset].isFunctionKey || raw[index + offset].code != marker[offset]
    {
      return false
    }
    return true
  }
}
