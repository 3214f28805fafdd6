import MCP
import PonderCore

/// Conversions between Ponder's `JSONValue` and the SDK's `Value`.
///
/// `Value` objects are dictionaries, so members coming from a server are put in key order (a
/// stable order for the requests Ponder sends); whole numbers become `.int` on the way out so a
/// server that wants an integer gets `3`, not `3.0`.
extension JSONValue {
  init(_ value: MCP.Value) {
    switch value {
    case .null: self = .null
    case .bool(let flag): self = .bool(flag)
    case .int(let number): self = .number(Double(number))
    case .double(let number): self = .number(number)
    case .string(let text): self = .string(text)
    case .data: self = .string(value.description)  // the data URL the server sent
    case .array(let items): self = .array(items.map(JSONValue.init))
    case .object(let members):
      self = .object(members.sorted { $0.key < $1.key }.map { JSONMember($0.key, JSONValue($0.value)) })
    }
  }

  var mcpValue: MCP.Value {
    switch self {
    case .null: return .null
    case .bool(let flag): return .bool(flag)
    case .number(let number):
      if number == number.rounded(), abs(number) < 9.0e15 { return .int(Int(number)) }
      return .double(number)
    case .string(let text): return .string(text)
    case .array(let items): return .array(items.map(\.mcpValue))
    case .object(let members):
      var dictionary: [String: MCP.Value] = [:]
      for member in members where dictionary[member.key] == nil {
        dictionary[member.key] = member.value.mcpValue
      }
      return .object(dictionary)
    }
  }
}
