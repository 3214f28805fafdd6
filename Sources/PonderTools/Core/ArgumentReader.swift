import PonderCore

/// Reads a call's arguments leniently and explains a missing or wrong one in words the model can
/// act on.
///
/// Small models often send numbers and booleans as strings (`"10"`, `"true"`); those are
/// accepted. A `null` counts as absent.
struct ArgumentReader {
  let tool: String
  let arguments: JSONValue

  init(_ arguments: JSONValue, tool: String) {
    self.tool = tool
    self.arguments = arguments
  }

  private func value(_ key: String) -> JSONValue? {
    guard let value = arguments[key], !value.isNull else { return nil }
    return value
  }

  func string(_ key: String) throws(ToolFailure) -> String {
    guard let text = optionalString(key) else {
      throw ToolFailure("\(tool) needs the argument \"\(key)\" (a string).")
    }
    return text
  }

  func optionalString(_ key: String) -> String? {
    guard let value = value(key) else { return nil }
    if let text = value.stringValue { return text }
    // A number as JSON writes it: `10`, not `10.0`; `1e+300` is no whole `Int`.
    if value.doubleValue != nil { return value.serialized }
    return value.boolValue.map { String($0) }
  }

  func optionalDouble(_ key: String) throws(ToolFailure) -> Double? {
    guard let value = value(key) else { return nil }
    if let number = value.doubleValue, number.isFinite { return number }
    if let text = value.stringValue?.trimmingWhitespace() {
      if text.isEmpty { return nil }
      if let number = Double(text), number.isFinite { return number }
    }
    throw ToolFailure("\(tool): the argument \"\(key)\" must be a number, not \(value.serialized).")
  }

  func optionalInt(_ key: String) throws(ToolFailure) -> Int? {
    guard let number = try optionalDouble(key) else { return nil }
    guard number == number.rounded(), abs(number) < 1e15 else {
      throw ToolFailure("\(tool): the argument \"\(key)\" must be a whole number, not \(number).")
    }
    return Int(number)
  }

  func optionalBool(_ key: String) throws(ToolFailure) -> Bool? {
    guard let value = value(key) else { return nil }
    if let flag = value.boolValue { return flag }
    switch value.stringValue?.lowercased() {
    case "true", "yes", "1": return true
    case "false", "no", "0", "": return false
    default: throw ToolFailure("\(tool): the argument \"\(key)\" must be true or false, not \(value.serialized).")
    }
  }
}
