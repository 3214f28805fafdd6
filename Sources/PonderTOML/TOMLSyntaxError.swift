/// Why a text is not TOML, with where the parser stopped (1-based, as editors count).
public struct TOMLSyntaxError: Error, Sendable, Equatable {
  public var line: Int?
  public var column: Int?
  public var reason: String
}
