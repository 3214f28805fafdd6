/// One line of Ollama's `/api/pull` progress stream (protocols.md §1.7), as Ponder uses it.
public enum PullEvent: Sendable, Equatable {
  /// A phase without byte counts: `pulling manifest`, `verifying sha256 digest`, `writing manifest`.
  case status(String)
  /// A layer's download: the latest `completed` of `total` bytes for `digest`.
  case layer(status: String, digest: String, completed: Int64, total: Int64)
  /// `{"status":"success"}`: the model is on the server.
  case success
  /// An in-band `{"error":…}` line, a malformed line, or a stream that ended before `success`.
  case failed(ChatError)

  /// Whether nothing follows this event.
  public var isTerminal: Bool {
    switch self {
    case .success, .failed: return true
    case .status, .layer: return false
    }
  }
}
