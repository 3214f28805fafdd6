import PonderCore

/// A modal box over the screen; while one is open it receives every key.
public enum Overlay: Sendable, Equatable {
  case help
  /// Choose what to copy: the answer, the reasoning, or code block N.
  case copyMenu(codeBlocks: Int)
  case modelPicker(models: [ModelInfo], selected: Int)
  case loadingModels
}

/// Search within the reasoning pane.
public struct SearchState: Sendable, Equatable {
  public struct Match: Sendable, Equatable {
    public var line: Int
    public var offset: Int
    public var length: Int
  }

  public var query: [Character] = []
  public var matches: [Match] = []
  public var current: Int?

  public var queryText: String { String(query) }
}

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
