import PonderCore

/// Where `search_files` runs its search: a child process (Ponder itself, with a hidden
/// subcommand) that is killed at its deadline or when the turn is cancelled.
///
/// Swift's `Regex` backtracks and cannot be interrupted: `(a+)+$` on a 35-character line runs for
/// ever and ignores task cancellation. In a process of its own the search has a real deadline.
public struct SearchWorker: Sendable, Equatable {
  /// The command and its leading arguments; the workspace root and the JSON arguments follow.
  public var command: [String]
  /// Seconds the search may take.
  public var timeout: Double

  public init(command: [String], timeout: Double = 20) {
    self.command = command
    self.timeout = timeout
  }

  /// The whole command line for `/bin/sh -c`, every word quoted.
  func commandLine(root: String, arguments: JSONValue) -> String {
    (command + [root, arguments.serialized]).map(Self.quoted).joined(separator: " ")
  }

  static func quoted(_ word: String) -> String {
    "'" + word.replacing("'", with: "'\\''") + "'"
  }
}
