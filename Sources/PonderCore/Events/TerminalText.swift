/// Makes model output safe to show on a terminal.
///
/// A model can emit ESC, BEL or other C0/C1 controls (by accident or because a prompt asked it
/// to); written raw they could move the cursor, change colours or set the clipboard. Newlines
/// and tabs are kept; every other control character becomes a visible U+FFFD.
public enum TerminalText {
  public static func neutralised(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
    var out = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      out.append(isUnsafe(scalar) ? "\u{FFFD}" : scalar)
    }
    return String(out)
  }

  /// Whether a scalar must not reach a terminal raw: a C0 or C1 control other than newline and tab.
  @inline(__always)
  public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    if value == 0x0A || value == 0x09 { return false }
    return value < 0x20 || value == 0x7F || (0x80...0x9F).contains(value)
  }
}
