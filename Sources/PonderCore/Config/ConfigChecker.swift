/// Walks a ``ConfigNode`` document along ``ConfigSchema``: keeps every value of the right type
/// and turns everything else into a ``ConfigProblem`` (unknown key with "did you mean", wrong
/// type with what was expected), so one bad line never costs the rest of the file.
struct ConfigChecker {
  let lines: ConfigKeyLines
  private(set) var values: [String: ConfigValue] = [:]
  private(set) var rejected: Set<String> = []
  private(set) var problems: [ConfigProblem] = []

  init(lines: ConfigKeyLines) {
    self.lines = lines
  }

  mutating func check(_ node: ConfigNode, against schema: ConfigSchema, at path: [String]) {
    switch schema {
    case .value(let type, let defaultText):
      if let value = type.value(of: node) {
        values[Self.dotted(path)] = value
      } else {
        let outcome = defaultText.map { "the default (\($0)) applies" } ?? "ignored"
        wrongType(at: path, expected: type.expected, found: node, outcome: outcome)
      }
    case .table(let known):
      guard case .table(let members) = node else {
        return wrongType(at: path, expected: "a table", found: node, outcome: "ignored")
      }
      for key in members.keys.sorted() {
        guard let member = members[key] else { continue }
        if let shape = known[key] {
          check(member, against: shape, at: path + [key])
        } else {
          unknown(key, at: path, known: known.keys)
        }
      }
    case .named(let shape):
      guard case .table(let members) = node else {
        return wrongType(at: path, expected: "a table of named sections", found: node, outcome: "ignored")
      }
      for key in members.keys.sorted() {
        if let member = members[key] { check(member, against: shape, at: path + [key]) }
      }
    case .free(let type):
      guard case .table(let members) = node else {
        return wrongType(at: path, expected: "a table", found: node, outcome: "ignored")
      }
      for key in members.keys.sorted() {
        if let member = members[key] { check(member, against: .value(type), at: path + [key]) }
      }
    }
  }

  /// Problems in the order they are written, those without a line last.
  var problemsInFileOrder: [ConfigProblem] {
    problems.enumerated().sorted { ($0.element.line ?? .max, $0.offset) < ($1.element.line ?? .max, $1.offset) }
      .map(\.element)
  }

  private mutating func wrongType(at path: [String], expected: String, found: ConfigNode, outcome: String) {
    let key = Self.dotted(path)
    rejected.insert(key)
    problems.append(
      ConfigProblem(
        line: lines.line(of: path), key: key,
        message: "\(key): expected \(expected), found \(found.kindDescription); \(outcome)"))
  }

  private mutating func unknown(_ key: String, at table: [String], known: some Collection<String>) {
    let suggestion = EditDistance.closest(to: key, among: known).map { " (did you mean `\($0)`?)" } ?? ""
    let place = table.isEmpty ? "" : " in [\(Self.dotted(table))]"
    problems.append(
      ConfigProblem(
        line: lines.line(of: table + [key]), key: Self.dotted(table + [key]),
        message: "unknown key `\(key)`\(place)\(suggestion); ignored"))
  }

  /// `tools.search_timeout_seconds`: how keys are stored and named in messages.
  static func dotted(_ path: [String]) -> String { path.joined(separator: ".") }
}
