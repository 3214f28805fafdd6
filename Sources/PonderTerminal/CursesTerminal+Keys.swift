import CNCurses
import PonderScreen

extension CursesTerminal {
  /// Everything typed since the last call, decoded; empty when nothing is waiting. Never blocks
  /// (except for ncurses' 25 ms wait after a lone ESC, to tell Escape from Alt+key).
  public func readKeys() -> [KeyPress] {
    guard active else { return [] }
    let screen = ponder_stdscr()
    let keyCode = ponder_key_code_yes()
    var raw: [KeyDecoder.RawKey] = []
    var character: wint_t = 0
    while true {
      let result = wget_wch(screen, &character)
      if result == ERR { break }
      raw.append(KeyDecoder.RawKey(isFunctionKey: result == keyCode, code: UInt32(truncatingIfNeeded: character)))
    }
    var keys: [KeyPress] = []
    for part in paste.split(raw) {
      switch part {
      case .keys(let chunk): keys += KeyDecoder.decode(chunk)
      case .paste(let text): keys.append(.paste(text))
      case .tooLarge(let bytes): keys.append(.pasteTooLarge(bytes))
      }
    }
    return keys
  }
}
