import PonderCore

extension Theme {
  /// Why a theme file was refused; the app then falls back to the default theme.
  public struct ParseError: Error, Equatable, CustomStringConvertible {
    public var reason: String
    public var description: String { reason }
  }

  /// Reads a theme file: `[role]` sections with `fg`, `bg` and boolean attributes.
  /// Roles the file leaves out keep the default theme's look.
  public init(parsing text: String, base: Theme? = nil) throws(ParseError) {
    let file: ConfigFile
    do {
      file = try ConfigFile(parsing: text)
    } catch {
      throw ParseError(reason: error.description)
    }
    var styles = base?.styles ?? [:]
    let rolesByName = Dictionary(uniqueKeysWithValues: StyleRole.allCases.map { ($0.name, $0) })
    for key in file.values.keys.sorted() where key.contains(".") {
      let parts = key.split(separator: ".", maxSplits: 1).map(String.init)
      guard let role = rolesByName[parts[0]] else { throw ParseError(reason: "unknown role '\(parts[0])'") }
      var style = styles[role] ?? RoleStyle()
      switch parts[1] {
      case "fg", "bg":
        guard let name = file.string(key), let color = Self.color(named: name) else {
          throw ParseError(reason: "\(key): unknown colour (use a name, color0–color255 or #rrggbb)")
        }
        if parts[1] == "fg" { style.foreground = color } else { style.background = color }
      case "bold", "dim", "italic", "underline", "reverse":
        guard let flag = file.bool(key) else { throw ParseError(reason: "\(key) must be true or false") }
        switch parts[1] {
        case "bold": style.bold = flag
        case "dim": style.dim = flag
        case "italic": style.italic = flag
        case "underline": style.underline = flag
        default: style.reverse = flag
        }
      default:
        throw ParseError(reason: "\(key): unknown attribute '\(parts[1])'")
      }
      styles[role] = style
    }
    self.init(name: file.string("name") ?? base?.name ?? "custom", styles: styles)
  }

  static let basicNames = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

  /// `default`, a basic name, `bright-NAME`, `colorN` or `#rrggbb` (nearest of the 256).
  static func color(named rawName: String) -> ThemeColor? {
    let name = rawName.lowercased()
    if name == "default" { return .terminalDefault }
    if let index = basicNames.firstIndex(of: name) { return .indexed(UInt8(index)) }
    if name.hasPrefix("bright-"), let index = basicNames.firstIndex(of: String(name.dropFirst(7))) {
      return .indexed(UInt8(index + 8))
    }
    if name.hasPrefix("color"), let index = UInt8(name.dropFirst(5)) { return .indexed(index) }
    if name.hasPrefix("#"), name.count == 7, let value = Int(name.dropFirst(), radix: 16) {
      return .indexed(nearest256(red: value >> 16, green: value >> 8 & 0xFF, blue: value & 0xFF))
    }
    return nil
  }

  static func nearest256(red: Int, green: Int, blue: Int) -> UInt8 {
    let step = { (channel: Int) -> Int in channel < 48 ? 0 : channel < 115 ? 1 : (channel - 35) / 40 }
    let cubeIndex = 16 + 36 * step(red) + 6 * step(green) + step(blue)
    let grey = (red + green + blue) / 3
    let greyIndex = grey > 238 ? 255 : 232 + max(0, (grey - 3) / 10)
    let distance = { (index: Int) -> Int in
      let (r, g, b) = ThemeColor.rgb(of: UInt8(index))
      return (r - red) * (r - red) + (g - green) * (g - green) + (b - blue) * (b - blue)
    }
    return UInt8(distance(cubeIndex) <= distance(greyIndex) ? cubeIndex : greyIndex)
  }
}
