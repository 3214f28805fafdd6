/// A failure to get or finish a response, with one line that names its cause.
///
/// Stream failures are data: they travel as ``StreamEvent/error(_:)`` after whatever text arrived,
/// so partial output is never lost. The ``Kind`` decides the CLI's exit code.
public struct ChatError: Error, Sendable, Equatable, CustomStringConvertible {
  public enum Kind: Sendable, Equatable {
    /// No connection could be made (refused, DNS, TLS).
    case cannotConnect
    /// The server answered with a non-success HTTP status before streaming.
    case rejected(status: Int)
    /// What was asked cannot be done, as Ponder found without an HTTP status: the server lists
    /// no models or cannot pull, it redirected too many times, or a turn is already running.
    case unavailable
    /// The server reported an error inside a stream that had started.
    case server
    /// The stream ended without its terminator (`done:true`, `[DONE]`, `message_stop`).
    case truncated
    /// The connection broke while the response was streaming.
    case connectionLost
    /// The server sent something that is not the protocol (bad JSON, an oversized record).
    case malformed
    /// The user cancelled.
    case cancelled
  }

  public var kind: Kind
  /// The cause in one line: the server's own message where there is one.
  public var message: String

  public init(_ kind: Kind, _ message: String) {
    self.kind = kind
    self.message = message
  }

  public var description: String {
    switch kind {
    case .cannotConnect: return "cannot connect: \(message)"
    case .rejected(let status): return "HTTP \(status): \(message)"
    case .unavailable: return message
    case .server: return "server error: \(message)"
    case .truncated: return "stream truncated: \(message)"
    case .connectionLost: return "connection lost: \(message)"
    case .malformed: return "malformed response: \(message)"
    case .cancelled: return "cancelled"
    }
  }
}
