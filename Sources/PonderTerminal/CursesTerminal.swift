import CNCurses
import PonderScreen

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The only code in Ponder that talks to curses: it turns cell grids into screen updates and
/// terminal input into ``KeyPress`` values.
///
/// It holds no application logic. The app renders a ``CellGrid``, calls ``present(_:previous:)``
/// after a flush, an input or a resize, drains ``readKeys()`` when ``InputWatcher`` says stdin is
/// readable, and calls ``resize()`` from its own SIGWINCH handler (ncurses is told not to install
/// one). Curses is not thread-safe, so everything happens on the main actor.
@MainActor
public final class CursesTerminal {
  /// Where the screen goes.
  public enum Output: Sendable, Equatable {
    /// The controlling terminal (stdin/stdout), in the alternate screen.
    case terminal
    /// A file, as if it were an xterm-256color of the given size: benchmarks count the bytes
    /// ncurses writes.
    case file(path: String, width: Int, height: Int)
  }

  private let output: Output
  private let outputFile: UnsafeMutablePointer<FILE>
  private let inputFile: UnsafeMutablePointer<FILE>
  var colors: ColorPairs
  private var cursorVisible: Int32 = -1
  /// Whether the terminal cursor was last shaped as the stream's caret (a blinking block).
  private var cursorIsBlock = false
  private var isActive = true
  private var previousWinchHandler: sig_t?
  var cellText = CellText()
  var overlay = GraphemeOverlay()
  var rawInput = RawInputDecoder()

  public init(theme: Theme, useColor: Bool, output: Output = .terminal) throws(TerminalError) {
    self.output = output
    _ = ponder_setup_locale()
    TerminalRestore.saveTerminalState()
    // With SIGWINCH ignored, ncurses does not install its own handler: the app owns resizing.
    previousWinchHandler = signal(SIGWINCH, SIG_IGN)
    let streams: (output: UnsafeMutablePointer<FILE>, input: UnsafeMutablePointer<FILE>)
    do {
      streams = try Self.openStreams(for: output)
    } catch {
      signal(SIGWINCH, previousWinchHandler)
      throw error
    }
    outputFile = streams.output
    inputFile = streams.input
    let terminalName: String? = if case .file = output { "xterm-256color" } else { nil }
    guard newterm(terminalName, streams.output, streams.input) != nil else {
      signal(SIGWINCH, previousWinchHandler)
      throw TerminalError(reason: "cannot initialise the terminal (is TERM set to a known terminal?)")
    }
    if case .file(_, let width, let height) = output { resizeterm(Int32(height), Int32(width)) }
    Self.configureModes()
    colors = ColorPairs(theme: theme, useColor: useColor)
    TerminalRestore.setScreenActive(true)
    if case .terminal = output { writeRaw(Self.bracketedPasteOn) }
  }

  /// Bracketed paste: the terminal marks pasted text, so a pasted newline does not send.
  static let bracketedPasteOn = "\u{1B}[?2004h"
  static let bracketedPasteOff = "\u{1B}[?2004l"

  private static func openStreams(
    for output: Output
  ) throws(TerminalError) -> (output: UnsafeMutablePointer<FILE>, input: UnsafeMutablePointer<FILE>) {
    switch output {
    case .terminal:
      guard let out = ponder_stdout(), let input = ponder_stdin() else {
        throw TerminalError(reason: "no standard input or output")
      }
      return (out, input)
    case .file(let path, _, _):
      guard let out = fopen(path, "w") else { throw TerminalError(reason: "cannot write \(path)") }
      guard let input = fopen("/dev/null", "r") else {
        fclose(out)
        throw TerminalError(reason: "cannot open /dev/null")
      }
      return (out, input)
    }
  }

  /// Input and output modes. Return values are ignored: on a file most of them fail harmlessly.
  private static func configureModes() {
    let screen = ponder_stdscr()
    raw()
    noecho()
    nonl()
    keypad(screen, true)
    nodelay(screen, true)
    set_escdelay(25)
    // Lets ncurses scroll a region instead of repainting it: a scrolling pane costs one line.
    idlok(screen, true)
    scrollok(screen, false)
    leaveok(screen, false)
  }

  /// The screen size in cells.
  var paste = BracketedPaste()

  public var size: (width: Int, height: Int) { (Int(ponder_cols()), Int(ponder_lines())) }

  /// Reads the real terminal size and resizes curses to it; call on SIGWINCH.
  ///
  /// The next ``present(_:previous:)`` should get a grid of the returned size; it repaints the
  /// whole screen, because terminals differ in what they keep (or reflow) on a resize.
  public func resize() -> (width: Int, height: Int) {
    guard isActive, case .terminal = output else { return size }
    var rows: Int32 = 0
    var columns: Int32 = 0
    if ponder_window_size(STDOUT_FILENO, &rows, &columns) == 0 { resizeterm(rows, columns) }
    clearok(ponder_curscr(), true)
    return size
  }

  /// Makes the next ``present(_:previous:)`` repaint the whole screen (Ctrl-L).
  public func forceRedraw() {
    guard isActive else { return }
    clearok(ponder_curscr(), true)
  }

  /// Leaves curses and restores the terminal as it was. Safe to call more than once.
  /// Whether the terminal has hung up (the SSH connection or the window is gone): then nothing
  /// should be written to it, not even the codes that restore it.
  public static func outputHungUp(descriptor: Int32 = STDOUT_FILENO) -> Bool {
    var probe = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
    guard poll(&probe, 1, 0) >= 0 else { return true }
    return Int32(probe.revents) & (Int32(POLLHUP) | Int32(POLLERR) | Int32(POLLNVAL)) != 0
  }

  public func shutdown() {
    guard isActive else { return }
    shapeCursor(as: nil)
    if case .terminal = output { writeRaw(Self.bracketedPasteOff) }
    isActive = false
    endwin()
    TerminalRestore.setScreenActive(false)
    signal(SIGWINCH, previousWinchHandler)
    if case .file = output { fclose(outputFile) }
  }

  /// Ctrl-Z: gives the terminal back as it was (curses `endwin`), stops the process group with
  /// SIGTSTP as a shell's job control expects, and once continued (`fg`, SIGCONT) takes the
  /// terminal again. Returns the size, which may have changed meanwhile; the next
  /// ``present(_:previous:)`` should get a grid of that size and a `nil` previous frame.
  public func suspend() -> (width: Int, height: Int) {
    guard isActive, case .terminal = output else { return size }
    shapeCursor(as: nil)
    writeRaw(Self.bracketedPasteOff)
    endwin()
    TerminalRestore.setScreenActive(false)
    JobControl.stopUntilContinued()
    TerminalRestore.setScreenActive(true)
    reset_prog_mode()
    writeRaw(Self.bracketedPasteOn)
    cursorVisible = -1
    return resize()
  }

  var active: Bool { isActive }
  var outputDescriptor: Int32 { fileno(outputFile) }
  var inputDescriptor: Int32 { fileno(inputFile) }
  var outputStream: UnsafeMutablePointer<FILE> { outputFile }

  func attributes(for role: StyleRole) -> (attributes: attr_t, pair: Int32) { colors.attributes(for: role) }

  /// A blinking block while the cursor is the stream's caret, the user's own shape otherwise;
  /// written only when that changes, and only to terminals whose terminfo has `Ss` (DECSCUSR).
  func shapeCursor(as kind: CursorKind?) {
    let block = kind == .streamCaret
    guard block != cursorIsBlock else { return }
    // Recorded even when the terminal has no `Ss`, so terminfo is asked only when the kind changes.
    cursorIsBlock = block
    guard let sequence = ponder_cursor_shape(block ? 1 : 0) else { return }
    TerminalRestore.setCursorShaped(block)
    writeRaw(String(cString: sequence))
  }

  /// Shows the terminal cursor at `position`, or hides it.
  func placeCursor(_ position: (x: Int, y: Int)?) {
    let visibility: Int32 = position == nil ? 0 : 1
    if let position { move(Int32(position.y), Int32(position.x)) }
    if visibility != cursorVisible {
      curs_set(visibility)
      cursorVisible = visibility
    }
  }
}
