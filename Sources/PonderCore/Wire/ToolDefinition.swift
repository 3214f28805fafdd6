/// A tool offered to the model: a name, what it does, and a JSON Schema for its parameters.
public struct ToolDefinition: Sendable, Equatable {
  public var name: String
  public var description: String
  public var parameters: JSONValue

  public init(name: String, description: String, parameters: JSONValue) {
    self.name = name
    self.description = description
    self.parameters = parameters
  }
}
