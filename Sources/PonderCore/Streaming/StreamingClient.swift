/// Sends a chat request and turns the response into batches of ``StreamEvent``s.
///
/// Pulls the body only when its consumer asks for the next batch, so a paused consumer stops the
/// transport reading from the socket. Failures are reported as a final `.error` event: the HTTP
/// status with the server's own message, an in-band error, a broken connection or truncation.
public struct StreamingClient: Sendable {
  public let transport: any HTTPTransport

  public init(transport: any HTTPTransport) {
    self.transport = transport
  }

  /// The events of one response; iterating sends the request, cancelling the iterating task
  /// closes the connection.
  public func events(for request: HTTPRequestSpec, decoder: some StreamDecoder) -> EventBatches {
    EventBatches(transport: transport, request: request, decoder: decoder)
  }

  /// Sends a request expecting a small JSON answer (model lists, version probes).
  public func fetchJSON(_ request: HTTPRequestSpec) async throws(ChatError) -> JSONValue {
    let response: HTTPResponseStream
    let body: [UInt8]
    do {
      response = try await transport.send(request)
      body = try await response.collectBody(limit: 16 << 20)
    } catch {
      throw Self.connectError(error)
    }
    guard response.isSuccess else {
      throw ChatError(
        .rejected(status: response.status),
        ErrorBody.rejection(status: response.status, body: body, path: request.path))
    }
    if let unexpected = UnexpectedBody.check(headers: response.headers) ?? UnexpectedBody.check(firstBytes: body) {
      throw unexpected.error(page: body)
    }
    do {
      return try JSONValue.parse(body)
    } catch {
      throw ChatError(.malformed, error.description)
    }
  }

  /// Maps any error from a transport to a ``ChatError`` (cannot-connect unless it already is one).
  public static func connectError(_ error: any Error) -> ChatError {
    if let chatError = error as? ChatError { return chatError }
    if error is CancellationError { return ChatError(.cancelled, "cancelled") }
    return ChatError(.cannotConnect, String(describing: error))
  }
}
