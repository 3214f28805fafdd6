/// Where Ponder's config file is: `$PONDER_CONFIG`, else `$XDG_CONFIG_HOME/ponder/config.toml`,
/// else `$HOME/.config/ponder/config.toml`. The environment is passed in, never read here.
public struct ConfigLocation: Sendable, Equatable {
  public var path: String
  /// Named by `$PONDER_CONFIG`: the user asked for this file, so its absence is an error, not
  /// "no settings".
  public var isExplicit: Bool

  /// `nil` when there is no `$PONDER_CONFIG`, no absolute `$XDG_CONFIG_HOME` and no `$HOME`.
  public static func resolve(environment: [String: String]) -> ConfigLocation? {
    if let explicit = environment["PONDER_CONFIG"], !explicit.isEmpty {
      return ConfigLocation(path: explicit, isExplicit: true)
    }
    return configFolder(environment: environment).map {
      ConfigLocation(path: $0 + "/ponder/config.toml", isExplicit: false)
    }
  }

  /// The folder that holds `ponder/` (config file, themes): `$XDG_CONFIG_HOME` when it is an
  /// absolute path (as the XDG spec asks), else `$HOME/.config`.
  public static func configFolder(environment: [String: String]) -> String? {
    if let folder = environment["XDG_CONFIG_HOME"], folder.hasPrefix("/") { return folder }
    guard let home = environment["HOME"], !home.isEmpty else { return nil }
    return home + "/.config"
  }
}
