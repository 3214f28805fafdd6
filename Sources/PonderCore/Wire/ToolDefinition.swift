/// A tool as the core sees it: what the model is offered — a name, what it does, and a JSON
/// Schema for its parameters — and whether it only reads.
///
/// The tools themselves (and their I/O) live in `PonderTools`; the request builders, the turn
/// machine, the approval rules and the screen only ever see this description, so they stay free
/// of I/O.
public struct ToolDefinition: Sendable, Equatable {
  public var name: String
  public var description: String
  public var parameters: JSONValue
  /// Reads only (files inside the workspace, the clock): such tools run without asking by
  /// default. Not sent to the model.
  public var isReadOnly: Bool

  public init(name: String, description: String, parameters: JSONValue, isReadOnly: Bool = false) {
    self.name = name
    self.description = description
    self.parameters = parameters
    self.isReadOnly = isReadOnly
  }
}
