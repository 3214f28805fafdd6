/// Where Ponder keeps its conversations: `$XDG_DATA_HOME/ponder/ponder.sqlite`, else
/// `$HOME/.local/share/ponder/ponder.sqlite`; `$PONDER_DB` names another file.
public enum DataLocation {
  public static func databasePath(environment: [String: String]) -> String? {
    if let explicit = environment["PONDER_DB"], !explicit.isEmpty { return explicit }
    if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") { return data + "/ponder/ponder.sqlite" }
    guard let home = environment["HOME"], !home.isEmpty else { return nil }
    return home + "/.local/share/ponder/ponder.sqlite"
  }
}
