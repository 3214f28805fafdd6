/// Ponder's settings file (`~/.config/ponder/config.toml`), parsed from its text.
///
/// A deliberately small TOML subset: `key = value` lines with strings, numbers, booleans and
/// string arrays, `[section]` headers and `#` comments. Unknown keys are kept so later features
/// can read them; a line that does not parse is reported with its number instead of ignored.
public struct ConfigFile: Sendable, Equatable {
  /// Values by dotted key (`model`, `mcp.files.command`).
  public private(set) var values: [String: ConfigValue] = [:]

  public struct ParseError: Error, Equatable, CustomStringConvertible {
    public var line: Int
    public var reason: String
    public var description: String { "line \(line): \(reason)" }
  }

  public init() {}

  public init(parsing text: String) throws(ParseError) {
    var section = ""
    for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line = Self.stripComment(rawLine).trimmingWhitespace()
      if line.isEmpty { continue }
      if line.hasPrefix("[") {
        guard line.hasSuffix("]"), line.count > 2 else { throw ParseError(line: offset + 1, reason: "bad section header") }
        section = String(line.dropFirst().dropLast()).trimmingWhitespace()
        continue
      }
      guard let equals = line.firstIndex(of: "=") else {
        throw ParseError(line: offset + 1, reason: "expected key = value")
      }
      let key = line[..<equals].trimmingWhitespace()
      let rawValue = line[line.index(after: equals)...].trimmingWhitespace()
      guard !key.isEmpty, let value = ConfigValue(parsing: rawValue) else {
        throw ParseError(line: offset + 1, reason: "cannot read the value of \(key)")
      }
      values[section.isEmpty ? key : "\(section).\(key)"] = value
    }
  }

  public func string(_ key: String) -> String? {
    if case .string(let text)? = values[key], !text.isEmpty { return text }
    return nil
  }

  public func number(_ key: String) -> Double? {
    if case .number(let value)? = values[key] { return value }
    return nil
  }

  /// The keys of section `[name]` as a JSON object (`[options]` → `{"num_ctx": 8192}`); `nil`
  /// when the section is empty or missing.
  public func object(_ name: String) -> JSONValue? {
    let members = values.keys.filter { $0.hasPrefix(name + ".") && !$0.dropFirst(name.count + 1).contains(".") }.sorted()
      .compactMap { key -> JSONMember? in
        let value: JSONValue
        switch values[key] {
        case .string(let text)?: value = .string(text)
        case .number(let number)?: value = .number(number)
        case .bool(let flag)?: value = .bool(flag)
        case .strings(let list)?: value = .array(list.map(JSONValue.string))
        case nil: return nil
        }
        return JSONMember(String(key.dropFirst(name.count + 1)), value)
      }
    return members.isEmpty ? nil : .object(members)
  }

  public func bool(_ key: String) -> Bool? {
    if case .bool(let flag)? = values[key] { return flag }
    return nil
  }

  public func strings(_ key: String) -> [String] {
    if case .strings(let list)? = values[key] { return list }
    return []
  }

  /// Section names under `prefix` (`mcp` → the names of every `[mcp.NAME]`).
  public func sections(under prefix: String) -> [String] {
    let names = values.keys.compactMap { key -> String? in
      guard key.hasPrefix(prefix + ".") else { return nil }
      let rest = key.dropFirst(prefix.count + 1)
      guard let dot = rest.firstIndex(of: ".") else { return nil }
      return String(rest[..<dot])
    }
    return Array(Set(names)).sorted()
  }

  private static func stripComment(_ line: Substring) -> Substring {
    var inString = false
    for index in line.indices {
      let character = line[index]
      if character == "\"" { inString.toggle() }
      if character == "#", !inString { return line[..<index] }
    }
    return line
  }
}

/// A value in the config file.
public enum ConfigValue: Sendable, Equatable {
  case string(String)
  case number(Double)
  case bool(Bool)
  case strings([String])

  init?(parsing text: String) {
    if text == "true" {
      self = .bool(true)
    } else if text == "false" {
      self = .bool(false)
    } else if text.hasPrefix("\"") || text.hasPrefix("'") || text.hasPrefix("[") {
      guard let json = try? JSONValue.parse(text.replacingSingleQuotes()) else { return nil }
      if let string = json.stringValue {
        self = .string(string)
      } else if let items = json.arrayValue {
        let strings = items.compactMap(\.stringValue)
        guard strings.count == items.count else { return nil }
        self = .strings(strings)
      } else {
        return nil
      }
    } else if let number = Double(text) {
      self = .number(number)
    } else {
      return nil
    }
  }
}

extension String {
  /// TOML literal strings ('…') read as JSON strings; only for whole single-quoted values.
  fileprivate func replacingSingleQuotes() -> String {
    guard hasPrefix("'"), hasSuffix("'"), count >= 2 else { return self }
    let inner = dropFirst().dropLast().replacing("\\", with: "\\\\").replacing("\"", with: "\\\"")
    return "\"\(inner)\""
  }
}
