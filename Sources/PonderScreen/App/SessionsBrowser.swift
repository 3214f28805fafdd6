import PonderCore

/// The sessions screen's state: the filter typed so far, the conversations that match, which
/// one is selected, and whether a rename or a delete is being confirmed.
public struct SessionsBrowser: Sendable, Equatable {
  public enum Mode: Sendable, Equatable {
    case browsing
    /// Editing the selected conversation's title.
    case renaming([Character])
    /// Waiting for `y` to delete the selected conversation.
    case confirmingDelete
  }

  public var query: [Character] = []
  public var results: [ConversationSummary] = []
  public var selected = 0
  public var mode = Mode.browsing
  /// The list for the current query has not arrived yet.
  public var loading = true
  /// Why the list could not be read.
  public var problem: String?
  /// When the list was read (seconds since 1970), for "5 min ago".
  public var now: Int64 = 0

  public init() {}

  public var queryText: String { String(query) }

  public var selection: ConversationSummary? { results.indices.contains(selected) ? results[selected] : nil }
}
