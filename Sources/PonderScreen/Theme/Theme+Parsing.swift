import PonderCore

extension Theme {
  /// Why a theme file was refused; the app then falls back to the default theme.
  public struct ParseError: Error, Equatable, CustomStringConvertible {
    public var reason: String
    public var description: String { reason }

    public init(reason: String) {
      self.reason = reason
    }
  }

  /// Reads a theme file, already parsed as TOML at the edge: `name`, then `[role]` tables with
  /// `fg`, `bg` and boolean attributes. Roles the file leaves out keep `base`'s look.
  public init(document: ConfigNode, base: Theme? = nil) throws(ParseError) {
    guard case .table(let members) = document else { throw ParseError(reason: "not a table") }
    var styles = base?.styles ?? [:]
    var name = base?.name ?? "custom"
    let rolesByName = Dictionary(uniqueKeysWithValues: StyleRole.allCases.map { ($0.name, $0) })
    for key in members.keys.sorted() {
      guard let value = members[key] else { continue }
      if key == "name" {
        guard case .string(let text) = value else { throw ParseError(reason: "name must be a string") }
        name = text
        continue
      }
      guard let role = rolesByName[key] else { throw ParseError(reason: "unknown role '\(key)'") }
      guard case .table(let attributes) = value else {
        throw ParseError(reason: "\(key) must be a [\(key)] section of fg, bg and attributes")
      }
      styles[role] = try Self.style(attributes, role: key, base: styles[role] ?? RoleStyle())
    }
    self.init(name: name, styles: styles)
  }

  private static func style(_ attributes: [String: ConfigNode], role: String, base: RoleStyle) throws(ParseError)
    -> RoleStyle
  {
    var style = base
    for attribute in attributes.keys.sorted() {
      let key = "\(role).\(attribute)"
      switch (attribute, attributes[attribute]) {
      case ("fg", let value?), ("bg", let value?):
        guard case .string(let name) = value, let color = color(named: name) else {
          throw ParseError(reason: "\(key): unknown colour (use a name, color0–color255 or #rrggbb)")
        }
        if attribute == "fg" { style.foreground = color } else { style.background = color }
      case ("bold", let value?), ("dim", let value?), ("italic", let value?), ("underline", let value?),
        ("reverse", let value?):
        guard case .bool(let flag) = value else { throw ParseError(reason: "\(key) must be true or false") }
        switch attribute {
        case "bold": style.bold = flag
        case "dim": style.dim = flag
        case "italic": style.italic = flag
        case "underline": style.underline = flag
        default: style.reverse = flag
        }
      default:
        throw ParseError(reason: "\(key): unknown attribute '\(attribute)'")
      }
    }
    return style
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
