/// Ponder's settings, read from its config file (`~/.config/ponder/config.toml`): every value
/// of a known key and the right type, plus what was wrong with the rest.
///
/// The file's text is parsed as TOML at the edge (`PonderTOML`); this model only judges the
/// resulting ``ConfigNode`` against ``ConfigSchema``. Problems never make it fail: an unknown
/// key or a wrong type is left out with a warning, and a file that is not TOML gives the
/// defaults with one problem saying so.
public struct ConfigFile: Sendable, Equatable {
  /// Values by dotted key (`model`, `tools.always_allow`, `mcp.files.command`).
  public private(set) var values: [String: ConfigValue] = [:]
  /// Keys that were written with a value of the wrong type (and so are absent from `values`).
  public private(set) var rejected: Set<String> = []
  /// What is wrong, in the order it is written; each is reported once, one line each.
  public private(set) var problems: [ConfigProblem] = []

  /// No file: every default.
  public init() {}

  /// The settings in `document` (a TOML root table); `keyLines` places problems on their line.
  public init(document: ConfigNode, keyLines: ConfigKeyLines = ConfigKeyLines()) {
    var checker = ConfigChecker(lines: keyLines)
    checker.check(document, against: ConfigSchema.file, at: [])
    values = checker.values
    rejected = checker.rejected
    problems = checker.problemsInFileOrder
  }

  /// A file that is not TOML: nothing in it applies. `syntax` is the parser's reason and place.
  public init(unreadable syntax: ConfigProblem) {
    var problem = syntax
    problem.message = "not valid TOML (\(syntax.message)); nothing in this file applies, Ponder uses its defaults"
    problems = [problem]
  }

  public func string(_ key: String) -> String? {
    if case .string(let text)? = values[key], !text.isEmpty { return text }
    return nil
  }

  public func number(_ key: String) -> Double? {
    if case .number(let value)? = values[key] { return value }
    return nil
  }

  public func bool(_ key: String) -> Bool? {
    if case .bool(let flag)? = values[key] { return flag }
    return nil
  }

  public func strings(_ key: String) -> [String] {
    if case .strings(let list)? = values[key] { return list }
    return []
  }

  /// The keys of table `[name]` as a JSON object (`[options]` → `{"num_ctx": 8192}`); `nil`
  /// when the table is empty or missing.
  public func object(_ name: String) -> JSONValue? {
    let members = values.keys
      .filter { $0.hasPrefix(name + ".") && !$0.dropFirst(name.count + 1).contains(".") }.sorted()
      .compactMap { key -> JSONMember? in
        values[key].map { JSONMember(String(key.dropFirst(name.count + 1)), $0.json) }
      }
    return members.isEmpty ? nil : .object(members)
  }

  /// Table names under `prefix` (`mcp` → the names of every `[mcp.NAME]`), rejected keys included
  /// so a section whose every value was wrong is still named.
  public func sections(under prefix: String) -> [String] {
    let names = (Array(values.keys) + Array(rejected)).compactMap { key -> String? in
      guard key.hasPrefix(prefix + ".") else { return nil }
      let rest = key.dropFirst(prefix.count + 1)
      guard let dot = rest.firstIndex(of: ".") else { return nil }
      return String(rest[..<dot])
    }
    return Array(Set(names)).sorted()
  }
}
