import CNCurses
import PonderScreen

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension CursesTerminal {
  /// Everything typed since the last call, decoded; empty when nothing is waiting. Never blocks
  /// (except for ncurses' 25 ms wait after a lone ESC, to tell Escape from Alt+key).
  ///
  /// Once a bracketed paste starts, its bytes are read straight from the terminal in bulk until
  /// its end marker (ncurses would read them one system call per byte); what follows the marker
  /// in the same read is decoded as typed keys.
  public func readKeys() -> [KeyPress] {
    guard active else { return [] }
    var keys: [KeyPress] = []
    if paste.isOpen {
      keys += assemble(readPasteInBulk())
      if paste.isOpen { return keys }
    }
    let screen = ponder_stdscr()
    let keyCode = ponder_key_code_yes()
    var raw: [KeyDecoder.RawKey] = []
    var character: wint_t = 0
    while true {
      let result = wget_wch(screen, &character)
      if result == ERR { break }
      raw.append(KeyDecoder.RawKey(isFunctionKey: result == keyCode, code: UInt32(truncatingIfNeeded: character)))
      if BracketedPaste.endsWithStart(raw) {
        keys += assemble(raw)
        raw = []
        keys += assemble(readPasteInBulk())
        if paste.isOpen { return keys }
      }
    }
    return keys + assemble(raw)
  }

  private func assemble(_ raw: [KeyDecoder.RawKey]) -> [KeyPress] {
    guard !raw.isEmpty else { return [] }
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

  /// The bytes waiting on the terminal's input, read in 64 KB blocks without waiting, as raw
  /// characters, until nothing more is waiting. Keys typed just after the paste's end marker in
  /// the same read reach ``KeyDecoder`` as raw sequences, which it decodes.
  private func readPasteInBulk() -> [KeyDecoder.RawKey] {
    let descriptor = inputDescriptor
    var raw: [KeyDecoder.RawKey] = []
    var block = [UInt8](repeating: 0, count: 64 << 10)
    while true {
      var probe = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
      guard poll(&probe, 1, 0) > 0, Int32(probe.revents) & Int32(POLLIN) != 0 else { break }
      let count = block.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count < 0, errno == EINTR { continue }
      guard count > 0 else { break }
      raw += rawInput.decode(block[..<count])
    }
    return raw
  }
}
