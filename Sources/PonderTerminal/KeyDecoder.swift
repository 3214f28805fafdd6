import CNCurses
import PonderScreen

/// Turns what `wget_wch` returned in one drain into ``KeyPress`` values, without calling curses.
///
/// Kept apart from ``CursesTerminal`` so the mapping can be tested: the adapter only collects
/// ``RawKey``s. ESC is resolved here because ncurses hands it over as a separate character: ESC
/// followed in the same drain by a printable character is Alt plus that character, by Enter is
/// Alt-Enter, by a key code is that key (terminals send ESC before a key for Alt+key), and
/// otherwise a lone Escape. Sequences ncurses did not recognise for the terminal (`ESC [ H`,
/// `ESC [ 4 ~`, `ESC O P`, …) are decoded here too.
public enum KeyDecoder {
  /// One unit from `wget_wch`: a character, or a curses key code when `isFunctionKey`.
  public struct RawKey: Sendable, Equatable {
    public var isFunctionKey: Bool
    public var code: UInt32

    public static func character(_ code: UInt32) -> RawKey { RawKey(isFunctionKey: false, code: code) }
    public static func key(_ code: Int32) -> RawKey { RawKey(isFunctionKey: true, code: UInt32(bitPattern: code)) }
  }

  static let escape: UInt32 = 27

  public static func decode(_ keys: [RawKey]) -> [KeyPress] {
    var presses: [KeyPress] = []
    var index = 0
    while index < keys.count {
      let key = keys[index]
      if key.isFunctionKey {
        if let press = functionKey(key.code) { presses.append(press) }
        index += 1
      } else if key.code == escape {
        let (press, length) = decodeEscape(keys, at: index)
        if let press { presses.append(press) }
        index += length
      } else {
        if let press = plainKey(key.code) { presses.append(press) }
        index += 1
      }
    }
    return presses
  }

  /// ESC at `index`: a raw sequence, Alt plus the next key, or a lone Escape.
  private static func decodeEscape(_ keys: [RawKey], at index: Int) -> (KeyPress?, Int) {
    if let (press, length) = rawSequence(keys, at: index) { return (press, length) }
    guard index + 1 < keys.count else { return (.escape, 1) }
    let next = keys[index + 1]
    if next.isFunctionKey { return (functionKey(next.code), 2) }
    switch next.code {
    case 10, 13: return (.altEnter, 2)
    case escape: return (.escape, 1)
    default:
      if let character = printable(next.code) { return (.alt(character), 2) }
      return (.escape, 1)
    }
  }

  /// A character that is not a key code.
  static func plainKey(_ code: UInt32) -> KeyPress? {
    switch code {
    case 13: return .enter
    case 10: return .control("j")
    case 9: return .tab
    case 8, 127: return .backspace
    case 27: return .escape
    case 1...26: return .control(Character(Unicode.Scalar(UInt8(code) + 0x60)))
    default: return printable(code).map(KeyPress.character)
    }
  }

  static func printable(_ code: UInt32) -> Character? {
    guard code >= 0x20, !(0x7F...0x9F).contains(code), let scalar = Unicode.Scalar(code) else { return nil }
    return Character(scalar)
  }

  /// A curses key code (`KEY_*`); nil for keys Ponder does not use (and `KEY_RESIZE`).
  static func functionKey(_ code: UInt32) -> KeyPress? {
    let value = Int32(bitPattern: code)
    switch value {
    case KEY_UP: return .up
    case KEY_DOWN: return .down
    case KEY_LEFT: return .left
    case KEY_RIGHT: return .right
    case KEY_HOME, KEY_FIND, KEY_A1: return .home
    case KEY_END, KEY_SELECT, KEY_C1, KEY_LL: return .end
    case KEY_PPAGE, KEY_A3: return .pageUp
    case KEY_NPAGE, KEY_C3: return .pageDown
    case KEY_BACKSPACE: return .backspace
    case KEY_DC: return .delete
    case KEY_BTAB: return .backTab
    case KEY_ENTER: return .enter
    case (KEY_F0 + 1)...(KEY_F0 + 12): return .function(Int(value - KEY_F0))
    default: return nil
    }
  }
}
