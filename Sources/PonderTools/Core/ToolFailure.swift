/// A tool's error, worded for the model: it becomes the call's result text.
///
/// Used for everything the model can act on — a missing argument, a path outside the workspace,
/// a binary file — so it can correct the call instead of the turn failing.
public struct ToolFailure: Error, Sendable, Equatable, CustomStringConvertible {
  public var message: String

  public init(_ message: String) {
    self.message = message
  }

  public var description: String { message }
}
