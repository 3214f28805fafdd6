import PonderCore

/// Finds the fenced code blocks of an answer, for "copy code block N".
public enum CodeBlocks {
  public static func extract(from markdown: String) -> [String] {
    var blocks: [String] = []
    var current: [Substring]?
    for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.drop(while: { $0 == " " }).hasPrefix("```") {
        if let body = current {
          blocks.append(body.joined(separator: "\n"))
          current = nil
        } else {
          current = []
        }
      } else {
        current?.append(line)
      }
    }
    if let body = current, !body.isEmpty { blocks.append(body.joined(separator: "\n")) }
    return blocks
  }
}
