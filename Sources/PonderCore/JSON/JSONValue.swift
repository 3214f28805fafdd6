/// A JSON document as plain data, with object members kept in wire order.
///
/// Ponder needs order-preserving objects (tool-call arguments are sent back exactly as received) and
/// lenient access (a missing key, `null` and `""` mean the same), which `Codable` does not give.
public enum JSONValue: Sendable, Equatable {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([JSONValue])
  case object([JSONMember])

  /// An empty JSON object, `{}`.
  public static let emptyObject = JSONValue.object([])
}

// MARK: - Lenient access

extension JSONValue {
  /// The value of `key` when this is an object; the first occurrence wins.
  public subscript(key: String) -> JSONValue? {
    guard case .object(let members) = self else { return nil }
    return members.first(where: { $0.key == key })?.value
  }

  /// The string, or `nil` for anything else (including `null`).
  public var stringValue: String? {
    if case .string(let text) = self { return text }
    return nil
  }

  /// The string when it is non-empty: the protocols treat a missing key, `null` and `""` alike.
  public var nonEmptyString: String? {
    guard let text = stringValue, !text.isEmpty else { return nil }
    return text
  }

  /// The number as a Double, whether it was written as an integer or a float.
  public var doubleValue: Double? {
    if case .number(let number) = self { return number }
    return nil
  }

  /// The number as an Int when it is finite and in range (fractions are truncated).
  public var intValue: Int? { doubleValue?.integerValue }

  public var boolValue: Bool? {
    if case .bool(let flag) = self { return flag }
    return nil
  }

  public var arrayValue: [JSONValue]? {
    if case .array(let items) = self { return items }
    return nil
  }

  public var objectMembers: [JSONMember]? {
    if case .object(let members) = self { return members }
    return nil
  }

  public var isNull: Bool {
    if case .null = self { return true }
    return false
  }
}

// MARK: - Literals

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
  ExpressibleByFloatLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
  public init(stringLiteral value: String) { self = .string(value) }
  public init(integerLiteral value: Int) { self = .number(Double(value)) }
  public init(floatLiteral value: Double) { self = .number(value) }
  public init(booleanLiteral value: Bool) { self = .bool(value) }
  public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
  public init(dictionaryLiteral elements: (String, JSONValue)...) {
    self = .object(elements.map { JSONMember($0.0, $0.1) })
  }
  public init(nilLiteral: ()) { self = .null }
}
