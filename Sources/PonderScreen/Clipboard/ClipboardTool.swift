/// The clipboard programs Ponder knows how to use.
public enum ClipboardTool: String, Sendable, CaseIterable {
  case wlCopy = "wl-copy"
  case xclip
  case xsel
  case pbcopy

  var method: ClipboardMethod {
    switch self {
    case .wlCopy: return .command(executable: rawValue, arguments: [])
    case .xclip: return .command(executable: rawValue, arguments: ["-selection", "clipboard"])
    case .xsel: return .command(executable: rawValue, arguments: ["--clipboard", "--input"])
    case .pbcopy: return .command(executable: rawValue, arguments: [])
    }
  }
}
