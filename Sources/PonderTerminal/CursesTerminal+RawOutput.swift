import CNCurses

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension CursesTerminal {
  /// Writes `text` straight to the terminal, bypassing curses: for sequences curses does not know,
  /// such as OSC 52 (set the clipboard). Pending screen updates are flushed first so the bytes do
  /// not land inside one. The text must not move the cursor or print anything.
  public func writeRaw(_ text: String) {
    guard active else { return }
    doupdate()
    fflush(outputStream)
    let descriptor = outputDescriptor
    var bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeMutableBytes { buffer in
        write(descriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
      }
      if written > 0 {
        offset += written
      } else if written < 0, errno == EINTR || errno == EAGAIN {
        continue
      } else {
        return
      }
    }
  }
}
