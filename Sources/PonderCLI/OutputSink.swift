import Foundation
import PonderCore

/// Where the CLI writes: a file descriptor in production, a string in tests.
public protocol OutputSink: AnyObject, Sendable {
  func write(_ text: String)
  /// Whether this is an interactive terminal (styling and sanitising apply only then).
  var isTerminal: Bool { get }
  /// Why writing stopped (the reader went away, the disk is full); `nil` while writes succeed.
  /// After a failure nothing more is written.
  var writeFailure: String? { get }
}

extension OutputSink {
  /// One `ponder: …` line: whatever it quotes (a server's error text, a tool's failure, a model's
  /// arguments) has its control characters neutralised and its line breaks folded, so no escape
  /// sequence from outside reaches a terminal and the message stays one line.
  public func note(_ text: String) {
    write("ponder: " + Self.oneLine(text) + "\n")
  }

  /// Text made safe for a terminal and folded onto one line.
  public static func oneLine(_ text: String) -> String {
    TerminalText.neutralised(text.replacing("\r\n", with: " ").replacing("\n", with: " "))
  }
}
