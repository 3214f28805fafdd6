/// Colours and attributes for every ``StyleRole``, read from a file in `Themes/`.
public struct Theme: Sendable, Equatable {
  public var name: String
  public var styles: [StyleRole: RoleStyle]

  public init(name: String, styles: [StyleRole: RoleStyle]) {
    self.name = name
    self.styles = styles
  }

  public func style(for role: StyleRole) -> RoleStyle { styles[role] ?? styles[.normal] ?? RoleStyle() }
}
