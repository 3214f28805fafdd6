/// A TOML document as plain values: what the TOML reader at the edge (`PonderTOML`) hands to the
/// config model, so ``ConfigFile`` can judge keys and types without a parsing library.
///
/// Dates and times are kept as the text they were written as: no setting takes one, so a warning
/// only needs to name them.
public indirect enum ConfigNode: Sendable, Equatable {
  case string(String)
  case integer(Int)
  case float(Double)
  case bool(Bool)
  case dateTime(String)
  case array([ConfigNode])
  case table([String: ConfigNode])

  /// What was written, as a warning names it: "a string (\"300\")", "a table".
  public var kindDescription: String {
    switch self {
    case .string(let text):
      let shown = text.count > 24 ? String(text.prefix(24)) + "…" : text
      return "a string (\"\(shown)\")"
    case .integer(let value): return "a number (\(value))"
    case .float(let value): return "a number (\(value))"
    case .bool(let flag): return "\(flag)"
    case .dateTime(let text): return "a date (\(text))"
    case .array: return "a list"
    case .table: return "a table"
    }
  }
}
