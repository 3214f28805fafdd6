extension JSONValue {
  /// This object with `key` set to `value` (replacing the first member of that name, else
  /// appended); anything that is not an object becomes a new object holding only `key`.
  public func setting(_ key: String, to value: JSONValue) -> JSONValue {
    guard case .object(var members) = self else { return .object([JSONMember(key, value)]) }
    if let index = members.firstIndex(where: { $0.key == key }) {
      members[index].value = value
    } else {
      members.append(JSONMember(key, value))
    }
    return .object(members)
  }
}
