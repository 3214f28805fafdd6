/// A value in the config file, as Ponder keeps it once its type has been checked.
public enum ConfigValue: Sendable, Equatable {
  case string(String)
  case number(Double)
  case bool(Bool)
  case strings([String])

  /// The value as JSON (model options are sent as they were written).
  public var json: JSONValue {
    switch self {
    case .string(let text): return .string(text)
    case .number(let number): return .number(number)
    case .bool(let flag): return .bool(flag)
    case .strings(let list): return .array(list.map(JSONValue.string))
    }
  }
}
