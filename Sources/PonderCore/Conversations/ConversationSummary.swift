/// One row of the sessions list: enough to recognise a conversation and open it.
public struct ConversationSummary: Sendable, Equatable, Identifiable {
  public var id: Int64
  public var title: String
  public var model: String
  public var host: String
  public var api: String
  /// Seconds since 1970.
  public var createdAt: Int64
  public var updatedAt: Int64
  public var messageCount: Int
  /// For a search result: the best matching passage, each match between ``Snippet/open`` and
  /// ``Snippet/close``.
  public var snippet: String?

  public init(
    id: Int64, title: String, model: String, host: String = "", api: String = "", createdAt: Int64, updatedAt: Int64,
    messageCount: Int, snippet: String? = nil
  ) {
    self.id = id
    self.title = title
    self.model = model
    self.host = host
    self.api = api
    self.createdAt = createdAt
    self.updatedAt = updatedAt
    self.messageCount = messageCount
    self.snippet = snippet
  }

  /// The markers around each match in a search snippet: control characters no text carries.
  public enum Snippet {
    public static let open: Character = "\u{02}"
    public static let close: Character = "\u{03}"

    /// The snippet split into runs, each saying whether it is a match.
    public static func runs(_ text: String) -> [(text: String, isMatch: Bool)] {
      var runs: [(String, Bool)] = []
      var current = ""
      var inMatch = false
      for character in text {
        if character == open || character == close {
          if !current.isEmpty { runs.append((current, inMatch)) }
          current = ""
          inMatch = character == open
        } else {
          current.append(character == "\n" || character == "\t" ? " " : character)
        }
      }
      if !current.isEmpty { runs.append((current, inMatch)) }
      return runs
    }
  }
}
