/// What the ``ScriptedHTTPServer`` answers to one request.
public struct HTTPScript: Sendable {
  /// A piece of body written as one HTTP chunk, after an optional pause.
  public struct Chunk: Sendable {
    public var bytes: [UInt8]
    public var delayBefore: Duration?
    public init(_ bytes: [UInt8], delayBefore: Duration? = nil) {
      self.bytes = bytes
      self.delayBefore = delayBefore
    }
    public init(_ text: String, delayBefore: Duration? = nil) {
      self.init(Array(text.utf8), delayBefore: delayBefore)
    }
  }

  public var status: Int
  public var headers: [(String, String)]
  public var chunks: [Chunk]
  /// Chunked transfer encoding (as Ollama streams); otherwise a Content-Length body.
  public var chunked: Bool
  /// Reset the connection (RST) just before writing this chunk index (`chunks.count` = after all).
  public var resetBeforeChunk: Int?
  /// Whether the chunked body ends with its zero-length terminator.
  public var endsCleanly: Bool
  public var closeAfter: Bool
  public var headerDelay: Duration?
  /// Called once every chunk was written (not when the client hung up first).
  public var onCompleted: (@Sendable () -> Void)?
  /// Called right after each chunk went to the socket, with its index (benchmarks stamp it).
  public var onChunkWritten: (@Sendable (Int) -> Void)?

  public init(
    status: Int = 200, headers: [(String, String)] = [], chunks: [Chunk], chunked: Bool = true,
    resetBeforeChunk: Int? = nil, endsCleanly: Bool = true, closeAfter: Bool = true, headerDelay: Duration? = nil
  ) {
    self.status = status
    self.headers = headers
    self.chunks = chunks
    self.chunked = chunked
    self.resetBeforeChunk = resetBeforeChunk
    self.endsCleanly = endsCleanly
    self.closeAfter = closeAfter
    self.headerDelay = headerDelay
  }

  /// An NDJSON stream, one chunk per given piece, `delay` before each after the first.
  public static func ndjson(_ pieces: [String], delay: Duration? = nil) -> HTTPScript {
    HTTPScript(
      headers: [("Content-Type", "application/x-ndjson")],
      chunks: pieces.enumerated().map { Chunk($1, delayBefore: $0 == 0 ? nil : delay) })
  }

  /// A JSON answer with a Content-Length body (how Ollama sends errors: no trailing newline).
  public static func json(status: Int = 200, _ body: String) -> HTTPScript {
    HTTPScript(
      status: status, headers: [("Content-Type", "application/json; charset=utf-8")], chunks: [Chunk(body)],
      chunked: false)
  }

  /// An SSE stream.
  public static func sse(_ pieces: [String], delay: Duration? = nil) -> HTTPScript {
    HTTPScript(
      headers: [("Content-Type", "text/event-stream")],
      chunks: pieces.enumerated().map { Chunk($1, delayBefore: $0 == 0 ? nil : delay) })
  }
}
