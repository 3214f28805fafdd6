import PonderCore
import TOMLKit

/// Turns TOML text into a ``ConfigNode`` tree with LebJe/TOMLKit (toml++): the only code that
/// parses TOML. What the keys mean is decided in `PonderCore` (``ConfigFile``), not here.
public enum TOMLReader {
  /// The document's root table; a file that is not TOML throws the parser's reason and position.
  public static func read(_ text: String) throws(TOMLSyntaxError) -> ConfigNode {
    let table: TOMLTable
    do {
      table = try TOMLTable(string: text)
    } catch let error as TOMLParseError {
      throw TOMLSyntaxError(
        line: error.source.begin.line, column: error.source.begin.column, reason: error.description)
    } catch {
      throw TOMLSyntaxError(line: nil, column: nil, reason: "\(error)")
    }
    return node(table)
  }

  /// The config file read from its text: a malformed file becomes a ``ConfigFile`` with no
  /// settings and one problem naming the line, so the caller has one thing to report.
  public static func config(_ text: String) -> ConfigFile {
    do {
      return ConfigFile(document: try read(text), keyLines: ConfigKeyLines(text))
    } catch {
      return ConfigFile(
        unreadable: ConfigProblem(line: error.line, column: error.column, key: nil, message: error.reason))
    }
  }

  private static func node(_ table: TOMLTable) -> ConfigNode {
    var members: [String: ConfigNode] = [:]
    for key in table.keys {
      if let value = table[key] { members[key] = node(value) }
    }
    return .table(members)
  }

  private static func node(_ value: any TOMLValueConvertible) -> ConfigNode {
    switch value.type {
    case .table: return value.table.map(node) ?? .table([:])
    case .array: return .array(value.array.map { array in array.map { node($0) } } ?? [])
    case .string: return .string(value.string ?? "")
    case .int: return .integer(value.int ?? 0)
    case .double: return .float(value.double ?? 0)
    case .bool: return .bool(value.bool ?? false)
    case .date, .time, .dateTime: return .dateTime(value.debugDescription)
    }
  }
}
