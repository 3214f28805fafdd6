/// The prompt `ponder ask` sends when stdin is piped: the argument, a blank line, then the piped
/// text (as `llm` does), so `git diff | ponder ask "review this"` works; `-` alone makes the piped
/// text the whole prompt.
public enum PipedPrompt {
  /// The prompt to send, or `nil` when there is none: `-` (or an empty or blank argument) and
  /// stdin held nothing but whitespace. A blank prompt is never sent.
  /// - Parameter piped: stdin's text, or `nil` when it was not read (a terminal).
  public static func combine(argument: String, piped: String?) -> String? {
    let hasText = piped?.contains(where: { !$0.isWhitespace }) ?? false
    let argumentIsBlank = argument.allSatisfy(\.isWhitespace)
    if argument == "-" || argumentIsBlank { return hasText ? piped : nil }
    guard hasText, let piped else { return argument }
    return argument + "\n\n" + piped
  }
}
