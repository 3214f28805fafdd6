import CNCurses

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Puts the terminal back when Ponder dies from a fatal signal, so a crash leaves a usable shell.
///
/// Swift has no panic hook: a trap raises SIGILL or SIGTRAP with the terminal still in raw mode
/// and the alternate screen. The handler does only async-signal-safe things (`tcsetattr` to the
/// termios saved before curses started, a `write` of the sequences that leave the alternate
/// screen and show the cursor, and one that gives back the cursor's shape if Ponder changed it),
/// then reinstalls the previous action (the default, or Swift's backtracer) and re-raises the
/// signal. State lives in memory allocated once, never freed.
enum TerminalRestore {
  static let fatalSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE]

  private static let signalLimit = 65
  nonisolated(unsafe) private static let savedTermios = UnsafeMutablePointer<termios>.allocate(capacity: 1)
  /// [0]: termios saved, [1]: curses screen active, [2]: handlers installed, [3]: the cursor is
  /// shaped as the stream's caret (a blinking block the user's shape must replace).
  nonisolated(unsafe) private static let flags: UnsafeMutablePointer<Int32> = {
    let pointer = UnsafeMutablePointer<Int32>.allocate(capacity: 4)
    pointer.initialize(repeating: 0, count: 4)
    return pointer
  }()
  nonisolated(unsafe) private static let previousActions = UnsafeMutablePointer<sigaction>.allocate(
    capacity: signalLimit)

  /// Records the terminal modes to go back to; called before curses changes them.
  static func saveTerminalState() {
    guard isatty(STDIN_FILENO) == 1, tcgetattr(STDIN_FILENO, savedTermios) == 0 else { return }
    flags[0] = 1
  }

  static func setScreenActive(_ active: Bool) { flags[1] = active ? 1 : 0 }

  static func setCursorShaped(_ shaped: Bool) { flags[3] = shaped ? 1 : 0 }

  static func install() {
    guard flags[2] == 0 else { return }
    flags[2] = 1
    if flags[0] == 0 { saveTerminalState() }
    for signal in fatalSignals where signal < signalLimit {
      _ = ponder_set_signal_handler(signal, handler, previousActions + Int(signal))
    }
  }

  private static let handler: @convention(c) (Int32) -> Void = { signal in
    if TerminalRestore.flags[1] != 0 {
      if TerminalRestore.flags[0] != 0 { tcsetattr(STDIN_FILENO, TCSANOW, TerminalRestore.savedTermios) }
      // Leave the alternate screen, show the cursor, reset attributes, keypad mode off.
      let restore: StaticString = "\u{1B}[?2004l\u{1B}[?1049l\u{1B}[?25h\u{1B}[0m\u{1B}[?1l\u{1B}>\r\n"
      _ = write(STDOUT_FILENO, restore.utf8Start, restore.utf8CodeUnitCount)
      if TerminalRestore.flags[3] != 0 {
        // The user's own cursor shape again (DECSCUSR 0), as `Ss` with 0 gives it.
        let shape: StaticString = "\u{1B}[0 q"
        _ = write(STDOUT_FILENO, shape.utf8Start, shape.utf8CodeUnitCount)
      }
    }
    if signal >= 0, signal < 65 { sigaction(signal, TerminalRestore.previousActions + Int(signal), nil) }
    raise(signal)
  }
}

extension CursesTerminal {
  /// Installs handlers for fatal signals (SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE) that
  /// restore the terminal before the process dies. Call once, early, before creating the terminal.
  public nonisolated static func installCrashRestore() { TerminalRestore.install() }
}
