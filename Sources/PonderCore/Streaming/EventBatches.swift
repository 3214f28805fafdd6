/// The response to one request, as batches of events (one batch per network read that produced
/// any). The last batch holds a terminal event unless the consumer stopped early.
public struct EventBatches: AsyncSequence, Sendable {
  public typealias Element = [StreamEvent]
  let transport: any HTTPTransport
  let request: HTTPRequestSpec
  let decoder: any StreamDecoder

  public func makeAsyncIterator() -> Iterator {
    Iterator(transport: transport, request: request, decoder: decoder)
  }

  public struct Iterator: AsyncIteratorProtocol {
    enum State {
      case idle
      case streaming(ResponseBody.Iterator)
      case finished
    }

    let transport: any HTTPTransport
    let request: HTTPRequestSpec
    var decoder: any StreamDecoder
    var state = State.idle

    init(transport: any HTTPTransport, request: HTTPRequestSpec, decoder: any StreamDecoder) {
      self.transport = transport
      self.request = request
      self.decoder = decoder
    }

    public mutating func next() async -> [StreamEvent]? {
      switch state {
      case .finished:
        return nil
      case .idle:
        return await start()
      case .streaming(let body):
        return await read(body)
      }
    }

    private mutating func start() async -> [StreamEvent]? {
      if Task.isCancelled { return finish([.error(ChatError(.cancelled, "cancelled"))]) }
      let response: HTTPResponseStream
      do {
        response = try await transport.send(request)
      } catch {
        return finish([.error(StreamingClient.connectError(error))])
      }
      guard response.isSuccess else {
        let body = (try? await response.collectBody(limit: 64 << 10)) ?? []
        let message = ErrorBody.rejection(status: response.status, body: body, path: request.path)
        return finish([.error(ChatError(.rejected(status: response.status), message))])
      }
      if let unexpected = UnexpectedBody.check(headers: response.headers) {
        let page = unexpected == .webPage ? (try? await response.collectBody(limit: 64 << 10)) ?? [] : []
        return finish([.error(unexpected.error(page: page))])
      }
      return await read(response.body.makeAsyncIterator(), first: true)
    }

    private mutating func read(_ body: ResponseBody.Iterator, first: Bool = false) async -> [StreamEvent]? {
      var body = body
      var first = first
      do {
        while let chunk = try await body.next() {
          if first, !chunk.isEmpty {
            first = false
            if let unexpected = UnexpectedBody.check(firstBytes: chunk) {
              return finish([.error(unexpected.error(page: chunk))])
            }
          }
          let events = decoder.decode(chunk)
          if events.contains(where: \.isTerminal) { return finish(events) }
          if !events.isEmpty {
            state = .streaming(body)
            return events
          }
        }
        let events = decoder.finish()
        return events.isEmpty ? finish(nil) : finish(events)
      } catch {
        if Task.isCancelled || error is CancellationError {
          return finish([.error(ChatError(.cancelled, "cancelled"))])
        }
        let cause = (error as? ChatError)?.message ?? String(describing: error)
        return finish([.error(ChatError(.connectionLost, cause))])
      }
    }

    private mutating func finish(_ events: [StreamEvent]?) -> [StreamEvent]? {
      state = .finished
      return events
    }
  }
}
