import PonderScreen

extension KeyDecoder {
  /// An escape sequence that reached us undecoded (the terminfo entry did not list it):
  /// `ESC [ params final`, `ESC O final` or the Linux console's `ESC [ [ A`…`E`.
  ///
  /// Returns the key (nil for a recognised but unused sequence) and how many units it took, or
  /// nil when `keys[index...]` is not a complete sequence (then ESC means Alt or Escape).
  static func rawSequence(_ keys: [RawKey], at index: Int) -> (KeyPress?, Int)? {
    guard index + 2 < keys.count, !keys[index + 1].isFunctionKey else { return nil }
    switch keys[index + 1].code {
    case 0x5B: return controlSequence(keys, from: index + 2).map { ($0.0, $0.1 + 2) }
    case 0x4F:
      guard !keys[index + 2].isFunctionKey else { return nil }
      return (singleShift(keys[index + 2].code), 3)
    default: return nil
    }
  }

  /// The part after `ESC [`: parameter bytes then one final byte.
  private static func controlSequence(_ keys: [RawKey], from start: Int) -> (KeyPress?, Int)? {
    var parameters = ""
    var index = start
    while index < keys.count, !keys[index].isFunctionKey {
      let code = keys[index].code
      if (0x30...0x3F).contains(code), let scalar = Unicode.Scalar(code) {
        parameters.unicodeScalars.append(scalar)
        index += 1
        continue
      }
      guard (0x40...0x7E).contains(code) else { return nil }
      if code == 0x5B, parameters.isEmpty {  // Linux console F1–F5: ESC [ [ A…E
        guard index + 1 < keys.count, !keys[index + 1].isFunctionKey else { return nil }
        let letter = keys[index + 1].code
        return ((0x41...0x45).contains(letter) ? .function(Int(letter) - 0x40) : nil, index + 2 - start)
      }
      return (finalKey(code, parameters: parameters), index + 1 - start)
    }
    return nil
  }

  private static func finalKey(_ final: UInt32, parameters: String) -> KeyPress? {
    switch final {
    case 0x41: return .up  // A
    case 0x42: return .down  // B
    case 0x43: return .right  // C
    case 0x44: return .left  // D
    case 0x48: return .home  // H
    case 0x46: return .end  // F
    case 0x5A: return .backTab  // Z
    case 0x7E: return tildeKey(Int(parameters.split(separator: ";").first ?? "") ?? 0)  // ~
    default: return nil
    }
  }

  /// `ESC [ n ~` keys (vt220, rxvt, the Linux console).
  private static func tildeKey(_ number: Int) -> KeyPress? {
    switch number {
    case 1, 7: return .home
    case 4, 8: return .end
    case 3: return .delete
    case 5: return .pageUp
    case 6: return .pageDown
    case 11...15: return .function(number - 10)
    case 17...21: return .function(number - 11)
    case 23, 24: return .function(number - 12)
    default: return nil
    }
  }

  /// `ESC O x` keys (application cursor mode, xterm F1–F4).
  private static func singleShift(_ code: UInt32) -> KeyPress? {
    switch code {
    case 0x41: return .up
    case 0x42: return .down
    case 0x43: return .right
    case 0x44: return .left
    case 0x48: return .home
    case 0x46: return .end
    case 0x4D: return .enter
    case 0x50...0x53: return .function(Int(code) - 0x4F)
    default: return nil
    }
  }
}
