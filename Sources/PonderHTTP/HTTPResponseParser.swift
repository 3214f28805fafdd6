import PonderCore

/// Reads one HTTP/1.1 response from bytes as they arrive, however the reads split it: the status
/// line and headers, then the body's bytes whatever its framing (chunked, `Content-Length`, or
/// up to the close), then its end. No sockets and no clock, so every split is testable.
///
/// Informational heads (`100 Continue`) are skipped. A chunk's extensions and the trailers are
/// read and dropped.
struct HTTPResponseParser {
  enum Part: Equatable {
    case head(status: Int, headers: [HTTPHeader])
    case body([UInt8])
    case end
  }

  /// Why the bytes are not a whole HTTP/1.1 response, as one line for the user.
  struct Malformed: Error, Equatable {
    var reason: String
  }

  private enum Stage {
    case head
    case fixed(remaining: Int)
    case chunkSize
    case chunkData(remaining: Int)
    case chunkDataEnd
    case trailers
    case untilClose
    case done
  }

  /// The longest status line plus headers accepted.
  static let headLimit = 64 * 1024

  private var stage = Stage.head
  /// Bytes of a line or head that has not ended yet.
  private var partial: [UInt8] = []
  private let bodyless: Bool

  /// - Parameter bodyless: the request was a `HEAD`: the response has no body, whatever it says.
  init(bodyless: Bool = false) {
    self.bodyless = bodyless
  }

  /// The response is complete.
  var isDone: Bool {
    if case .done = stage { return true }
    return false
  }

  /// Parses the next bytes read, returning what they complete.
  mutating func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(Malformed) -> [Part] {
    var parts: [Part] = []
    var body: [UInt8] = []
    /// Puts the body bytes gathered so far into `parts`.
    func flush() {
      guard !body.isEmpty else { return }
      parts.append(.body(body))
      body = []
    }
    var index = 0
    while index < bytes.count {
      switch stage {
      case .done:
        flush()
        return parts
      case .head:
        guard lineEnd(in: bytes, from: &index, blankLine: true) else { break }
        let head = partial
        partial.removeAll(keepingCapacity: true)
        parts += try readHead(head)
      case .fixed(let remaining):
        let take = min(remaining, bytes.count - index)
        body.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<(index + take)]))
        index += take
        if remaining == take {
          stage = .done
          flush()
          parts.append(.end)
        } else {
          stage = .fixed(remaining: remaining - take)
        }
      case .chunkSize:
        guard lineEnd(in: bytes, from: &index, blankLine: false) else { break }
        // The line is read where it is and the buffer kept: no allocation per chunk.
        let size = try Self.chunkSize(partial)
        partial.removeAll(keepingCapacity: true)
        stage = size == 0 ? .trailers : .chunkData(remaining: size)
      case .chunkData(let remaining):
        let take = min(remaining, bytes.count - index)
        body.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<(index + take)]))
        index += take
        stage = remaining == take ? .chunkDataEnd : .chunkData(remaining: remaining - take)
      case .chunkDataEnd:
        guard lineEnd(in: bytes, from: &index, blankLine: false) else { break }
        guard partial.isEmpty else { throw Malformed(reason: "the server sent a chunk longer than its size") }
        stage = .chunkSize
      case .trailers:
        guard lineEnd(in: bytes, from: &index, blankLine: false) else { break }
        let ended = partial.isEmpty
        partial.removeAll(keepingCapacity: true)
        if ended {
          stage = .done
          flush()
          parts.append(.end)
        }
      case .untilClose:
        body.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index...]))
        index = bytes.count
      }
    }
    flush()
    return parts
  }

  /// The connection closed: ends a body that runs to the close, and says what else was cut short.
  mutating func finish() throws(Malformed) -> [Part] {
    switch stage {
    case .done: return []
    case .untilClose:
      stage = .done
      return [.end]
    case .head:
      throw Malformed(
        reason: partial.isEmpty
          ? "the server closed the connection before answering"
          : "the server closed the connection in the middle of the headers")
    default:
      throw Malformed(reason: "the server closed the connection before the end of the body")
    }
  }

  /// Moves bytes into `partial` up to the end of a line (CRLF, or a bare LF), or of the head
  /// (an empty line) when `blankLine`; returns false when the input ran out first. The line
  /// ending is not kept.
  private mutating func lineEnd(in bytes: UnsafeBufferPointer<UInt8>, from index: inout Int, blankLine: Bool)
    -> Bool
  {
    while index < bytes.count {
      let byte = bytes[index]
      index += 1
      guard byte == 10 else {
        partial.append(byte)
        continue
      }
      if partial.last == 13 { partial.removeLast() }
      guard blankLine else { return true }
      // The head ends at an empty line: keep the line breaks inside it, as LF.
      if partial.isEmpty || partial.last == 10 {
        if !partial.isEmpty { partial.removeLast() }
        return true
      }
      partial.append(10)
      if partial.count > Self.headLimit { return true }
    }
    return false
  }

  /// The parts a complete head gives: none for an informational one, else the head, and the end
  /// too when there is no body.
  private mutating func readHead(_ head: [UInt8]) throws(Malformed) -> [Part] {
    guard head.count <= Self.headLimit else { throw Malformed(reason: "the server sent headers longer than 64 KB") }
    let lines = head.split(separator: 10, omittingEmptySubsequences: false)
    let statusLine = lines.first ?? []
    // "HTTP/1.1 200 OK"
    let words = statusLine.split(separator: 32, maxSplits: 2, omittingEmptySubsequences: true)
    guard words.count >= 2, words[0].starts(with: Array("HTTP/1.".utf8)),
      words[1].count == 3, let status = Int(String(decoding: words[1], as: UTF8.self))
    else { throw Malformed(reason: "the server did not answer in HTTP/1.1") }
    var headers: [HTTPHeader] = []
    for line in lines.dropFirst() where !line.isEmpty {
      guard let colon = line.firstIndex(of: 58) else {
        throw Malformed(reason: "the server sent a header line without a colon")
      }
      let name = String(decoding: line[..<colon], as: UTF8.self)
      let value = String(decoding: line[(colon + 1)...], as: UTF8.self).trimmingWhitespace()
      headers.append(HTTPHeader(name, value))
    }
    if (100..<200).contains(status), status != 101 { return [] }
    stage = try bodyStage(status: status, headers: headers)
    if case .done = stage { return [.head(status: status, headers: headers), .end] }
    return [.head(status: status, headers: headers)]
  }

  private func bodyStage(status: Int, headers: [HTTPHeader]) throws(Malformed) -> Stage {
    if bodyless || status == 204 || status == 304 { return .done }
    func value(_ name: String) -> String? {
      headers.last { $0.name.lowercased() == name }?.value.lowercased()
    }
    if let encoding = value("transfer-encoding"), encoding.split(separator: ",").last?.trimmingWhitespace() == "chunked"
    {
      return .chunkSize
    }
    if let length = value("content-length") {
      guard let count = Int(length), count >= 0 else {
        throw Malformed(reason: "the server sent a Content-Length that is not a number")
      }
      return count == 0 ? .done : .fixed(remaining: count)
    }
    return .untilClose
  }

  private static func chunkSize(_ line: [UInt8]) throws(Malformed) -> Int {
    let digits = line.prefix { $0 != 59 && $0 != 32 && $0 != 9 }  // before ";" extensions
    guard !digits.isEmpty, digits.count <= 15, let size = Int(String(decoding: digits, as: UTF8.self), radix: 16)
    else { throw Malformed(reason: "the server sent a chunk size that is not a hexadecimal number") }
    return size
  }
}
