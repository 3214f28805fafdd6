/// A response body as chunks whose boundaries mean nothing. Pulled on demand, so a reader that
/// stops asking stops the transport reading the socket (back-pressure).
///
/// A transport that can time its own reads (a socket wait with a deadline) also offers
/// ``timingOwnReads(idle:failure:)``: ``IdleTimeoutTransport`` then needs no reading task, mailbox
/// or watchdog of its own between the socket and the reader.
public struct ResponseBody: AsyncSequence, Sendable {
  public typealias Element = [UInt8]
  public typealias Next = () async throws -> [UInt8]?
  private let makeNext: @Sendable () -> Next
  private let makeTimedNext: (@Sendable (_ idle: Duration, _ failure: ChatError) -> Next)?

  /// - Parameter makeNext: makes a fresh "next chunk" function per iteration.
  public init(_ makeNext: @escaping @Sendable () -> Next) {
    self.makeNext = makeNext
    makeTimedNext = nil
  }

  /// A body whose transport times its reads itself.
  /// - Parameters:
  ///   - makeNext: makes a fresh untimed "next chunk" function per iteration.
  ///   - makeTimedNext: the same, but after the first chunk each read must come within `idle` of
  ///     the moment it was asked for, else it fails with `failure` and the connection is closed.
  public init(
    _ makeNext: @escaping @Sendable () -> Next,
    timingReads makeTimedNext: @escaping @Sendable (_ idle: Duration, _ failure: ChatError) -> Next
  ) {
    self.makeNext = makeNext
    self.makeTimedNext = makeTimedNext
  }

  /// A body holding exactly `chunks`, for tests and canned answers.
  public static func chunks(_ chunks: [[UInt8]]) -> ResponseBody {
    ResponseBody {
      var remaining = chunks[...]
      return { remaining.popFirst() }
    }
  }

  /// This body with its reads timed by the transport (see ``init(_:timingReads:)``), or `nil`
  /// when the transport cannot time them.
  public func timingOwnReads(idle: Duration, failure: ChatError) -> ResponseBody? {
    guard let makeTimedNext else { return nil }
    return ResponseBody { makeTimedNext(idle, failure) }
  }

  public func makeAsyncIterator() -> Iterator { Iterator(nextChunk: makeNext()) }

  public struct Iterator: AsyncIteratorProtocol {
    let nextChunk: Next
    public mutating func next() async throws -> [UInt8]? { try await nextChunk() }
  }
}
