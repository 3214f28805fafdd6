/// One way to put text on the clipboard, with the label the log shows for it.
public enum ClipboardMethod: Sendable, Equatable {
  /// Run a program and write the text to its standard input.
  case command(executable: String, arguments: [String])
  /// Write an OSC 52 sequence to the terminal.
  case osc52(OSC52.Wrapping)

  public var label: String {
    switch self {
    case .command(let executable, _): return executable
    case .osc52(.none): return "OSC 52"
    case .osc52(.tmux): return "OSC 52 (tmux passthrough)"
    case .osc52(.screen): return "OSC 52 (screen passthrough)"
    }
  }
}
