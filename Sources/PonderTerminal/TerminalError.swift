/// Why the terminal could not be set up; the app prints it and exits instead of drawing.
public struct TerminalError: Error, Equatable, CustomStringConvertible {
  public var reason: String

  public init(reason: String) { self.reason = reason }

  public var description: String { reason }
}
