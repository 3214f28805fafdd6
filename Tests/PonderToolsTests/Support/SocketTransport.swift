import Dispatch
import Foundation
import PonderCore

/// A minimal HTTP/1.1 client over a blocking socket, enough to talk to `ScriptedHTTPServer`
/// from this test target (which does not depend on `PonderHTTP`).
///
/// Sends `Connection: close`, reads the whole response on a dispatch queue, decodes chunked
/// encoding, and hands the body over as its HTTP chunks.
struct SocketTransport: HTTPTransport {
  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  func send(_ request: HTTPRequestSpec) async throws -> HTTPResponseStream {
    try await withCheckedThrowingContinuation { continuation in
      DispatchQueue(label: "socket-transport").async {
        continuation.resume(with: Result { try Self.exchange(request) })
      }
    }
  }

  private static func exchange(_ request: HTTPRequestSpec) throws -> HTTPResponseStream {
    guard let url = URL(string: request.url), let port = url.port else { throw Failure(description: "bad URL \(request.url)") }
    let socket = try connect(port: UInt16(port))
    defer { close(socket) }
    var head = "\(request.method.rawValue) \(url.path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
    for header in request.headers { head += "\(header.name): \(header.value)\r\n" }
    head += "Content-Length: \(request.body.count)\r\n\r\n"
    let bytes = Array(head.utf8) + request.body
    var offset = 0
    while offset < bytes.count {
      let wrote = bytes[offset...].withUnsafeBytes { Foundation.send(socket, $0.baseAddress, $0.count, 0) }
      guard wrote > 0 else { throw Failure(description: "send failed") }
      offset += wrote
    }
    var response: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
      let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
      if count <= 0 { break }
      response += buffer.prefix(count)
    }
    return try parse(response)
  }

  private static func connect(port: UInt16) throws -> Int32 {
    let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = port.bigEndian
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        Foundation.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard socket >= 0, connected == 0 else { throw ChatError(.cannotConnect, "connection refused") }
    return socket
  }

  private static func parse(_ response: [UInt8]) throws -> HTTPResponseStream {
    guard let split = response.indices.first(where: { response[$0...].starts(with: [13, 10, 13, 10]) }) else {
      throw Failure(description: "no response head")
    }
    let lines = String(decoding: response[..<split], as: UTF8.self).components(separatedBy: "\r\n")
    let status = Int(lines.first?.split(separator: " ").dropFirst().first ?? "") ?? 0
    let headers = lines.dropFirst().compactMap { line -> HTTPHeader? in
      guard let colon = line.firstIndex(of: ":") else { return nil }
      return HTTPHeader(String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
    }
    var body = Array(response[(split + 4)...])
    let chunked = headers.contains { $0.name.lowercased() == "transfer-encoding" && $0.value.lowercased() == "chunked" }
    var chunks: [[UInt8]] = [body]
    if chunked {
      chunks = []
      while let lineEnd = body.indices.first(where: { body[$0...].starts(with: [13, 10]) }),
        let size = Int(String(decoding: body[..<lineEnd], as: UTF8.self), radix: 16), size > 0,
        body.count >= lineEnd + 2 + size
      {
        chunks.append(Array(body[(lineEnd + 2)..<(lineEnd + 2 + size)]))
        body = Array(body[min(body.count, lineEnd + 4 + size)...])
      }
    }
    return HTTPResponseStream(status: status, headers: headers, body: .chunks(chunks))
  }
}
