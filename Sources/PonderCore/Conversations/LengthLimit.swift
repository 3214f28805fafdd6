/// The length limit that cut an answer off, and how much room a retry should ask for.
public enum LengthLimit {
  /// The smallest output limit a retry asks for.
  public static let minimumRoom = 1024

  /// Whether a done reason means the length limit stopped the answer (``MessageStatus/lengthReasons``).
  public static func stopped(_ reason: String?) -> Bool {
    MessageStatus.lengthReasons.contains(reason ?? "")
  }

  /// The output limit set in model options (`num_predict`), when it is a positive number.
  public static func limit(in options: JSONValue?) -> Int? {
    options?["num_predict"]?.intValue.flatMap { $0 > 0 ? $0 : nil }
  }

  /// The output limit (`num_predict`, sent as each backend's own `max_tokens`) for a retry: twice
  /// the limit in force, or twice what the cut-off answer used, and at least ``minimumRoom``.
  public static func moreRoom(used: Int, limit: Int?) -> Int {
    max(2 * max(limit ?? 0, used), minimumRoom)
  }
}
