/// Sends HTTP requests and streams response bodies: the only way Ponder reaches the network.
///
/// The production conformer lives in `PonderHTTP`; tests use a scripted local server or a fake.
/// Cancelling the task that reads a body must close the connection: that is how a server learns
/// to stop generating (protocols.md §0).
public protocol HTTPTransport: Sendable {
  /// Sends `request` and returns as soon as the status line and headers have arrived.
  /// - Throws: ``ChatError`` with kind ``ChatError/Kind/cannotConnect`` when no connection could be made.
  func send(_ request: HTTPRequestSpec) async throws -> HTTPResponseStream

  /// Where response bodies are best read: the executor of the thread that reads the socket, if
  /// the transport has one. A task that prefers it resumes on that thread after each read instead
  /// of waking another one. `nil` (the default) leaves tasks on Swift's global executor.
  var readingExecutor: (any TaskExecutor)? { get }
}

extension HTTPTransport {
  public var readingExecutor: (any TaskExecutor)? { nil }
}
