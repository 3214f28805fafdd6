/// A colour as a theme file writes it.
public enum ThemeColor: Sendable, Equatable {
  /// The terminal's own default colour.
  case terminalDefault
  /// One of the 256 indexed colours (0–7 basic, 8–15 bright).
  case indexed(UInt8)

  /// The nearest colour a terminal with `colors` colours can show.
  ///
  /// Greys need care: on 8 colours a dark grey *text* colour would become black (invisible on a
  /// dark background), so foreground greys become white (7); background greys become black.
  public func downsampled(toPalette colors: Int, foreground: Bool = true) -> ThemeColor {
    guard case .indexed(let index) = self else { return self }
    if colors >= 256 || index < UInt8(min(colors, 16)) { return self }
    if index == 8 { return .indexed(foreground ? 7 : 0) }
    if index < 16 { return .indexed(index - 8) }  // bright → basic on 8-colour terminals
    if Self.isGrey(index) { return .indexed(foreground ? 7 : 0) }
    return .indexed(Self.nearestBasic(index, colors: colors))
  }

  /// The grey ramp (232–255) and the cube's greys (equal channels).
  static func isGrey(_ index: UInt8) -> Bool {
    if index >= 232 { return true }
    guard index >= 16 else { return false }
    let (red, green, blue) = rgb(of: index)
    return red == green && green == blue
  }

  /// Maps an xterm-256 index to the closest of the 8 (or 16) basic colours.
  static func nearestBasic(_ index: UInt8, colors: Int) -> UInt8 {
    let (red, green, blue) = rgb(of: index)
    let bright = colors >= 16 && (max(red, green, blue) > 200)
    let bit = { (channel: Int) -> UInt8 in channel > 95 ? 1 : 0 }
    let basic = bit(red) | bit(green) << 1 | bit(blue) << 2
    return bright && basic != 0 ? basic + 8 : basic
  }

  /// The RGB value of an xterm-256 colour (cube and grey ramp).
  static func rgb(of index: UInt8) -> (Int, Int, Int) {
    if index >= 232 {
      let grey = 8 + Int(index - 232) * 10
      return (grey, grey, grey)
    }
    let cube = Int(index) - 16
    let level = { (step: Int) in step == 0 ? 0 : 55 + step * 40 }
    return (level(cube / 36), level(cube / 6 % 6), level(cube % 6))
  }
}
