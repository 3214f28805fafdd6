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
