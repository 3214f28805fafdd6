import PonderCore
import Testing

@testable import PonderHTTP

/// The HTTP/1.1 reader of plain `http://` responses: the same parts however the bytes are split,
/// each framing, and a clear line for what is cut short or malformed.
@Suite struct HTTPResponseParserTests {
  typealias Part = HTTPResponseParser.Part

  /// Feeds `bytes` in pieces of `size`, then the close when `closes`; merges adjacent body parts.
  static func parts(
    _ text: String, size: Int = .max, bodyless: Bool = false, closes: Bool = false
  ) throws(HTTPResponseParser.Malformed) -> [Part] {
    var parser = HTTPResponseParser(bodyless: bodyless)
    let bytes = Array(text.utf8)
    var parts: [Part] = []
    var start = 0
    while start < bytes.count {
      let end = min(bytes.count, start + size)
      parts += try bytes[start..<end].withUnsafeBufferPointer { buffer throws(HTTPResponseParser.Malformed) in
        try parser.parse(buffer)
      }
      start = end
    }
    if closes { parts += try parser.finish() }
    var merged: [Part] = []
    for part in parts {
      if case .body(let more) = part, case .body(let earlier)? = merged.last {
        merged[merged.count - 1] = .body(earlier + more)
      } else {
        merged.append(part)
      }
    }
    return merged
  }

  static let chunked =
    "HTTP/1.1 200 OK\r\nContent-Type: application/x-ndjson\r\nTransfer-Encoding: chunked\r\n\r\n"
    + "7\r\n{\"a\":1}\r\n" + "1c;ext=1\r\n" + "{\"message\":\"héllo wörld\"}\n\r\n" + "0\r\nX-Trailer: t\r\n\r\n"

  @Test(arguments: [1, 2, 3, 7, 13, 64, Int.max])
  func aChunkedBodyIsTheSameWhateverTheSplit(size: Int) throws {
    #expect(
      try Self.parts(Self.chunked, size: size) == [
        .head(
          status: 200,
          headers: [HTTPHeader("Content-Type", "application/x-ndjson"), HTTPHeader("Transfer-Encoding", "chunked")]),
        .body(Array("{\"a\":1}{\"message\":\"héllo wörld\"}\n".utf8)), .end,
      ])
  }

  @Test(arguments: [1, 5, Int.max])
  func aContentLengthBodyEndsAtItsLength(size: Int) throws {
    let text = "HTTP/1.1 404 Not Found\r\nContent-Length: 5\r\n\r\nnope!"
    #expect(
      try Self.parts(text, size: size) == [
        .head(status: 404, headers: [HTTPHeader("Content-Length", "5")]), .body(Array("nope!".utf8)), .end,
      ])
  }

  @Test func aBodyWithoutLengthRunsToTheClose() throws {
    let text = "HTTP/1.1 200 OK\nContent-Type: text/event-stream\n\ndata: 1\n\n"
    #expect(try Self.parts(text, size: 3).last == .body(Array("data: 1\n\n".utf8)))
    #expect(try Self.parts(text, size: 3, closes: true).last == .end)
  }

  @Test func informationalHeadsAreSkippedAndHeadResponsesHaveNoBody() throws {
    let text = "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"
    #expect(try Self.parts(text) == [.head(status: 200, headers: [HTTPHeader("Content-Length", "0")]), .end])
    let head = "HTTP/1.1 200 OK\r\nContent-Length: 120\r\n\r\n"
    #expect(
      try Self.parts(head, bodyless: true) == [
        .head(status: 200, headers: [HTTPHeader("Content-Length", "120")]), .end,
      ])
    #expect(try Self.parts("HTTP/1.1 204 No Content\r\n\r\n") == [.head(status: 204, headers: []), .end])
  }

  @Test func whatIsCutShortOrMalformedIsOneLine() {
    let cases: [(String, String)] = [
      ("", "the server closed the connection before answering"),
      ("HTTP/1.1 200 OK\r\nContent-", "the server closed the connection in the middle of the headers"),
      (
        "HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\nabc", "the server closed the connection before the end of the body"
      ),
      (
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab",
        "the server closed the connection before the end of the body"
      ),
      ("SSH-2.0-OpenSSH_9.6\r\n\r\n", "the server did not answer in HTTP/1.1"),
      (
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
        "the server sent a chunk size that is not a hexadecimal number"
      ),
      (
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n",
        "the server sent a chunk longer than its size"
      ),
      ("HTTP/1.1 200 OK\r\nContent-Length: lots\r\n\r\n", "the server sent a Content-Length that is not a number"),
    ]
    for (text, reason) in cases {
      #expect(throws: HTTPResponseParser.Malformed(reason: reason), "\(text.debugDescription)") {
        try Self.parts(text, size: 4, closes: true)
      }
    }
  }

  @Test func headersLongerThanTheLimitAreRefused() {
    let text =
      "HTTP/1.1 200 OK\r\nX-Big: " + String(repeating: "a", count: HTTPResponseParser.headLimit + 10) + "\r\n\r\n"
    #expect(throws: HTTPResponseParser.Malformed(reason: "the server sent headers longer than 64 KB")) {
      try Self.parts(text, size: 4096)
    }
  }
}
