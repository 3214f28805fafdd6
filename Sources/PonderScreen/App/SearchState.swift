import PonderCore

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
