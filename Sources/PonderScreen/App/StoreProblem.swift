import PonderCore

/// Why the conversation store could not do what was asked, in one line.
public struct StoreProblem: Error, Sendable, Equatable {
  public var message: String
  public init(_ message: String) { self.message = message }
}
