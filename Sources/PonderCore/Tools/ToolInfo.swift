/// What the pure tool machinery needs to know about one tool: how it is offered to the model and
/// whether it only reads.
///
/// The tools themselves (and their I/O) live in `PonderTools`; `PonderCore` and the screen only
/// ever see this description, so the turn machine and the approval rules stay free of I/O.
public struct ToolInfo: Sendable, Equatable {
  /// The name, description and parameter schema sent to the model.
  public var definition: ToolDefinition
  /// Reads only (files inside the workspace, the clock): such tools run without asking by default.
  public var isReadOnly: Bool

  public init(definition: ToolDefinition, isReadOnly: Bool) {
    self.definition = definition
    self.isReadOnly = isReadOnly
  }

  public var name: String { definition.name }
}
