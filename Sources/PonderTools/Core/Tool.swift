import PonderCore

/// A local capability the model may call mid-stream: a name, what it does, a JSON Schema for its
/// arguments, and an async run.
///
/// Tools report problems the model should read (a refused path, a missing argument) by throwing
/// ``ToolFailure`` or returning ``ToolOutput/failed(_:)``; the coordinator sends the text back as
/// the call's result. `run` must honour Task cancellation: stop soon, release what it holds, and
/// return (or throw `CancellationError`).
public protocol Tool: Sendable {
  var name: String { get }
  /// One or two sentences the model reads to decide when to call the tool.
  var description: String { get }
  /// JSON Schema of the arguments object.
  var parameters: JSONValue { get }
  /// Only reads (inside the workspace): such tools run without asking by default.
  var isReadOnly: Bool { get }
  func run(_ arguments: JSONValue, context: ToolContext) async throws -> ToolOutput
}

extension Tool {
  /// How the tool is offered to the model, and what the pure turn machine and the approval
  /// policy need to know.
  public var definition: ToolDefinition {
    ToolDefinition(name: name, description: description, parameters: parameters, isReadOnly: isReadOnly)
  }
}
