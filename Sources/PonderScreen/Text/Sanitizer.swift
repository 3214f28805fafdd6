import PonderCore

/// Makes untrusted text (model output, server messages) safe and measurable before it reaches a
/// cell: tabs become spaces, carriage returns vanish, and every other control character —
/// ESC included — becomes U+FFFD, so no escape sequence from a model can reach the terminal.
public enum Sanitizer {
  public static func clean(_ text: String) -> String {
    var needsWork = false
    for scalar in text.unicodeScalars where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
      if scalar != "\n" {
        needsWork = true
        break
      }
    }
    guard needsWork else { return text }
    var out = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\n": out.append(scalar)
      case "\t": out.append(contentsOf: "    ".unicodeScalars)
      case "\r": continue
      default: out.append(TerminalText.isUnsafe(scalar) ? "\u{FFFD}" : scalar)
      }
    }
    return String(out)
  }
}
