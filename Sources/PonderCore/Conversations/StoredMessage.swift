/// One message of a saved conversation: what was said (as sent to the model) and how it ended.
public struct StoredMessage: Sendable, Equatable {
  /// The store's id; `nil` before it is saved.
  public var id: Int64?
  public var message: ChatMessage
  public var status: MessageStatus
  public var stats: MessageStats
  /// The failure in one line, for a `failed` message.
  public var error: String?
  /// The model that wrote an assistant message.
  public var model: String?
  /// Seconds since 1970.
  public var createdAt: Int64

  public init(
    id: Int64? = nil, message: ChatMessage, status: MessageStatus = .complete, stats: MessageStats = MessageStats(),
    error: String? = nil, model: String? = nil, createdAt: Int64 = 0
  ) {
    self.id = id
    self.message = message
    self.status = status
    self.stats = stats
    self.error = error
    self.model = model
    self.createdAt = createdAt
  }
}
