import CNCurses
import PonderScreen

/// Turns a ``StyleRole`` into curses attributes and a colour pair, through the theme.
///
/// Pairs are allocated lazily, one per distinct (foreground, background), and colours are
/// downsampled to the terminal's palette (8 colours on `TERM=linux` or `screen`). Without colour
/// (`NO_COLOR`, or a monochrome terminal) no pair is ever allocated and ``MonochromeStyle``
/// supplies attributes instead. Must be created after curses is initialised.
struct ColorPairs {
  private let theme: Theme
  private let usesColor: Bool
  private let palette: Int
  private let hasDefaultColors: Bool
  private let maxPairs: Int32
  private var pairs: [PairKey: Int32] = [:]
  private var resolved: [(attributes: attr_t, pair: Int32)?]
  private var renditions: [String?]

  private struct PairKey: Hashable {
    var foreground: Int32
    var background: Int32
  }

  init(theme: Theme, useColor: Bool) {
    self.theme = theme
    usesColor = useColor && has_colors()
    var defaults = false
    if usesColor {
      start_color()
      defaults = use_default_colors() == OK
    }
    hasDefaultColors = defaults
    palette = Int(ponder_colors())
    maxPairs = min(ponder_color_pairs(), Int32(Int16.max))
    resolved = Array(repeating: nil, count: StyleRole.allCases.count)
    renditions = Array(repeating: nil, count: StyleRole.allCases.count)
  }

  /// The ANSI "select graphic rendition" sequence that gives text `role`'s look, for the few
  /// cells written past curses (``GraphemeOverlay``). It starts from a reset, so it does not
  /// depend on what was set before.
  mutating func rendition(for role: StyleRole) -> String {
    let index = Int(role.rawValue)
    if let known = renditions[index] { return known }
    let style = usesColor ? theme.style(for: role) : MonochromeStyle.style(for: role, theme: theme)
    var codes = ["0"]
    if style.bold { codes.append("1") }
    if style.dim { codes.append("2") }
    if style.italic { codes.append("3") }
    if style.underline { codes.append("4") }
    if style.reverse { codes.append("7") }
    if usesColor {
      codes.append(Self.colorCode(cursesColor(style.foreground, isBackground: false), isBackground: false))
      codes.append(Self.colorCode(cursesColor(style.background, isBackground: true), isBackground: true))
    }
    let sequence = "\u{1B}[" + codes.joined(separator: ";") + "m"
    renditions[index] = sequence
    return sequence
  }

  private static func colorCode(_ color: Int32, isBackground: Bool) -> String {
    let offset: Int32 = isBackground ? 10 : 0
    switch color {
    case ..<0: return String(39 + offset)
    case 0..<8: return String(30 + offset + color)
    case 8..<16: return String(90 + offset + color - 8)
    default: return isBackground ? "48;5;\(color)" : "38;5;\(color)"
    }
  }

  /// The attributes and pair for `role`, computed on first use.
  mutating func attributes(for role: StyleRole) -> (attributes: attr_t, pair: Int32) {
    let index = Int(role.rawValue)
    if let known = resolved[index] { return known }
    let style = usesColor ? theme.style(for: role) : MonochromeStyle.style(for: role, theme: theme)
    let attributes = ponder_attributes(
      style.bold ? 1 : 0, style.dim ? 1 : 0, style.italic ? 1 : 0, style.underline ? 1 : 0, style.reverse ? 1 : 0)
    let pair = usesColor ? pair(foreground: style.foreground, background: style.background) : 0
    resolved[index] = (attributes, pair)
    return (attributes, pair)
  }

  private mutating func pair(foreground: ThemeColor, background: ThemeColor) -> Int32 {
    let key = PairKey(
      foreground: cursesColor(foreground, isBackground: false),
      background: cursesColor(background, isBackground: true))
    if key.foreground == -1, key.background == -1 { return 0 }
    if let pair = pairs[key] { return pair }
    let next = Int32(pairs.count + 1)
    guard next < maxPairs, init_pair(Int16(next), Int16(key.foreground), Int16(key.background)) == OK else {
      return 0
    }
    pairs[key] = next
    return next
  }

  /// A curses colour number: -1 is the terminal default (white on black where that is unsupported).
  private func cursesColor(_ color: ThemeColor, isBackground: Bool) -> Int32 {
    switch color.downsampled(toPalette: palette, foreground: !isBackground) {
    case .terminalDefault:
      if hasDefaultColors { return -1 }
      return isBackground ? 0 : 7
    case .indexed(let index):
      return Int32(index)
    }
  }
}
