extension ToolCall {
  /// The call as a JSON object (`id`, `name`, `arguments`), as saved and exported.
  public var storedJSON: JSONValue {
    var members = [JSONMember("name", .string(name)), JSONMember("arguments", arguments)]
    if let id { members.insert(JSONMember("id", .string(id)), at: 0) }
    if let argumentsError { members.append(JSONMember("arguments_error", .string(argumentsError))) }
    return .object(members)
  }

  /// Reads ``storedJSON`` back; `nil` when it has no name.
  public init?(storedJSON value: JSONValue) {
    guard let name = value["name"]?.stringValue else { return nil }
    self.init(
      id: value["id"]?.stringValue, name: name, arguments: value["arguments"] ?? .emptyObject,
      argumentsError: value["arguments_error"]?.stringValue)
  }

  /// A list of calls as one JSON text; `nil` for none.
  public static func storedText(_ calls: [ToolCall]) -> String? {
    calls.isEmpty ? nil : JSONValue.array(calls.map(\.storedJSON)).serialized
  }

  /// Reads ``storedText(_:)`` back; unreadable text gives no calls.
  public static func calls(fromStoredText text: String?) -> [ToolCall] {
    guard let text, let value = try? JSONValue.parse(text), let list = value.arrayValue else { return [] }
    return list.compactMap(ToolCall.init(storedJSON:))
  }
}
