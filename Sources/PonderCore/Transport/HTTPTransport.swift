/// Sends HTTP requests and streams response bodies: the only way Ponder reaches the network.
///
/// The production conformer lives in `PonderHTTP`; tests use a scripted local server or a fake.
/// Cancelling the task that reads a body must close the connection: that is how a server learns
/// to stop generating (protocols.md §0).
public protocol HTTPTransport: Sendable {
  /// Sends `request` and returns as soon as the status line and headers have arrived.
  /// - Throws: ``ChatError`` with kind ``ChatError/Kind/cannotConnect`` when no connection could be made.
  func send(_ request: HTTPRequestSpec) async throws -> HTTPResponseStream
}

/// A response whose body has not been read yet.
public struct HTTPResponseStream: Sendable {
  public var status: Int
  public var headers: [HTTPHeader]
  public var body: ResponseBody

  public init(status: Int, headers: [HTTPHeader], body: ResponseBody) {
    self.status = status
    self.headers = headers
    self.body = body
  }

  public var isSuccess: Bool { (200..<300).contains(status) }

  /// Reads the body up to `limit` bytes, for error messages and small JSON answers.
  public func collectBody(limit: Int = 1 << 20) async throws -> [UInt8] {
    var collected: [UInt8] = []
    for try await chunk in body {
      collected.append(contentsOf: chunk.prefix(limit - collected.count))
      if collected.count >= limit { break }
    }
    return collected
  }
}

/// A response body as chunks whose boundaries mean nothing. Pulled on demand, so a reader that
/// stops asking stops the transport reading the socket (back-pressure).
public struct ResponseBody: AsyncSequence, Sendable {
  public typealias Element = [UInt8]
  private let makeNext: @Sendable () -> () async throws -> [UInt8]?

  /// - Parameter makeNext: makes a fresh "next chunk" function per iteration.
  public init(_ makeNext: @escaping @Sendable () -> () async throws -> [UInt8]?) {
    self.makeNext = makeNext
  }

  /// A body holding exactly `chunks`, for tests and canned answers.
  public static func chunks(_ chunks: [[UInt8]]) -> ResponseBody {
    ResponseBody {
      var remaining = chunks[...]
      return { remaining.popFirst() }
    }
  }

  public func makeAsyncIterator() -> Iterator { Iterator(nextChunk: makeNext()) }

  public struct Iterator: AsyncIteratorProtocol {
    let nextChunk: () async throws -> [UInt8]?
    public mutating func next() async throws -> [UInt8]? { try await nextChunk() }
  }
}
