/// Turns a finished turn into the messages saved for it: what the turn added to the history,
/// the last assistant message carrying how it ended and its figures.
public enum TurnRecord {
  public static func messages(
    added: [ChatMessage], ending: StreamEvent, stats: MessageStats, model: String
  ) -> [StoredMessage] {
    let status = MessageStatus.of(ending)
    var error: String?
    if case .error(let failure) = ending, failure.kind != .cancelled { error = failure.description }
    var stored = added.map { StoredMessage(message: $0, model: $0.role == .assistant ? model : nil) }
    if let last = stored.lastIndex(where: { $0.message.role == .assistant }), last == stored.count - 1 {
      stored[last].status = status
      stored[last].stats = stats
      stored[last].error = error
    } else {
      // The turn ended before the model answered after its last tool result: say so in an empty answer.
      stored.append(StoredMessage(message: .assistant(""), status: status, stats: stats, error: error, model: model))
    }
    return stored
  }
}
