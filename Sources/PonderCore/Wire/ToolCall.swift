/// A call the model asked for: which tool, with which arguments.
///
/// `arguments` is kept as received (an object, in wire order) so it can be sent back verbatim.
public struct ToolCall: Sendable, Equatable {
  /// The server's id for the call (`call_…`, `toolu_…`), when it gives one.
  public var id: String?
  public var name: String
  public var arguments: JSONValue
  /// Set when the arguments did not parse as JSON; the raw text is kept for the model to see.
  public var argumentsError: String?

  public init(id: String? = nil, name: String, arguments: JSONValue = .emptyObject, argumentsError: String? = nil) {
    self.id = id
    self.name = name
    self.arguments = arguments
    self.argumentsError = argumentsError
  }
}
