import Foundation
import PonderCore

#if canImport(Glibc)
  import Glibc
  private let systemListen = Glibc.listen
#elseif canImport(Darwin)
  import Darwin
  private let systemListen = Darwin.listen
#endif

/// A tiny HTTP/1.1 server on 127.0.0.1 that answers each request with a script: status, headers,
/// body chunks written exactly as given (chunked encoding, one HTTP chunk per script chunk),
/// delays between them, and an optional abrupt reset.
///
/// It records every request and notices when a client closes the connection mid-response, which
/// is how tests prove that cancelling really stops a stream on the server's side.
public final class ScriptedHTTPServer: @unchecked Sendable {
  public typealias Handler = @Sendable (RecordedRequest) -> HTTPScript

  public private(set) var port: Int = 0
  public var baseURL: String { "http://127.0.0.1:\(port)" }

  private let handler: Handler
  private var listener: Int32 = -1
  private let lock = NSLock()
  private var requests: [RecordedRequest] = []
  private var disconnects: [ClientDisconnect] = []
  private var completed: [CompletedResponse] = []
  private var running = true
  /// Told after each request, completion and disconnect is recorded, for the waits below.
  private let recorded = StateSignal()

  public init(handler: @escaping Handler) throws {
    self.handler = handler
    try listen()
    let thread = Thread { [self] in acceptLoop() }
    thread.start()
  }

  deinit { stop() }

  /// Stops accepting; connections in progress finish on their own.
  ///
  /// Only shuts the listener down: the accept thread closes it when `accept` returns. Closing it
  /// here would free the descriptor number while that thread may still be about to call
  /// `accept` on it, and a server started by another test could receive the same number — its
  /// connections would then be answered by this server's script.
  public func stop() {
    lock.lock()
    let wasRunning = running
    running = false
    lock.unlock()
    if wasRunning, listener >= 0 {
      shutdown(listener, Int32(SHUT_RDWR))
    }
  }

  /// Every request received so far, in order.
  public var recordedRequests: [RecordedRequest] {
    lock.lock()
    defer { lock.unlock() }
    return requests
  }

  /// Responses the client abandoned before their script ended.
  public var clientDisconnects: [ClientDisconnect] {
    lock.lock()
    defer { lock.unlock() }
    return disconnects
  }

  /// Responses played to their end, in order: the client read them whole.
  public var completedResponses: [CompletedResponse] {
    lock.lock()
    defer { lock.unlock() }
    return completed
  }

  /// Waits until a disconnect is recorded (woken by it; `timeout` only bounds a failure), for
  /// tests of cancellation: the first disconnect, or `nil` if none came.
  public func waitForDisconnect(timeout: Duration = .seconds(60)) async -> ClientDisconnect? {
    await waitUntil(within: timeout) { !$0.clientDisconnects.isEmpty }
    return clientDisconnects.first
  }

  /// Returns `true` once `condition` holds of the server's records, checked after each request,
  /// completed response and disconnect; `false` if it still does not after `limit`.
  @discardableResult
  public func waitUntil(
    within limit: Duration = .seconds(60), _ condition: @escaping @Sendable (ScriptedHTTPServer) -> Bool
  ) async -> Bool {
    await recorded.wait(within: limit) { [self] in condition(self) }
  }

  // MARK: - Sockets

  private func listen() throws {
    listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard listener >= 0 else { throw POSIXError(.EIO) }
    var yes: Int32 = 1
    setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard bound == 0, systemListen(listener, 64) == 0 else { throw POSIXError(.EADDRINUSE) }
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
    }
    port = Int(UInt16(bigEndian: address.sin_port))
  }

  private func acceptLoop() {
    defer { close(listener) }
    while true {
      let connection = accept(listener, nil, nil)
      lock.lock()
      let stillRunning = running
      lock.unlock()
      if connection < 0 {
        if stillRunning, errno == EINTR { continue }
        return
      }
      if !stillRunning {
        close(connection)
        return
      }
      var keepAlive: Int32 = 1
      setsockopt(connection, SOL_SOCKET, SO_KEEPALIVE, &keepAlive, socklen_t(MemoryLayout<Int32>.size))
      let thread = Thread { [self] in serve(connection) }
      thread.start()
    }
  }

  private func serve(_ connection: Int32) {
    var stream = SocketStream(fd: connection)
    defer { stream.close() }
    while let request = stream.readRequest() {
      lock.lock()
      requests.append(request)
      lock.unlock()
      recorded.changed()
      let script = handler(request)
      let outcome = play(script, on: &stream)
      switch outcome {
      case .completed:
        lock.lock()
        completed.append(CompletedResponse(path: request.path, chunks: script.chunks.count))
        lock.unlock()
        script.onCompleted?()
        recorded.changed()
        if script.closeAfter { return }
      case .clientGone(let afterChunks):
        lock.lock()
        disconnects.append(
          ClientDisconnect(path: request.path, chunksWritten: afterChunks, scriptChunks: script.chunks.count))
        lock.unlock()
        recorded.changed()
        return
      case .reset:
        return
      }
    }
  }

  private enum Outcome {
    case completed
    case clientGone(afterChunks: Int)
    case reset
  }

  private func play(_ script: HTTPScript, on stream: inout SocketStream) -> Outcome {
    if let delay = script.headerDelay { Thread.sleep(forTimeInterval: delay.seconds) }
    let isChunked = script.chunked
    var head = "HTTP/1.1 \(script.status) \(Self.reason(script.status))\r\n"
    for (name, value) in script.headers { head += "\(name): \(value)\r\n" }
    if isChunked {
      head += "Transfer-Encoding: chunked\r\n"
    } else {
      head += "Content-Length: \(script.chunks.reduce(0) { $0 + $1.bytes.count })\r\n"
    }
    head += script.closeAfter ? "Connection: close\r\n\r\n" : "\r\n"
    guard stream.write(Array(head.utf8)) else { return .clientGone(afterChunks: 0) }
    for (index, chunk) in script.chunks.enumerated() {
      if let delay = chunk.delayBefore, delay > .zero {
        Thread.sleep(forTimeInterval: delay.seconds)
      }
      if stream.peerClosed() { return .clientGone(afterChunks: index) }
      if script.resetBeforeChunk == index {
        // Let the client read what was sent: a reset discards data still unread in its socket,
        // which would make "the partial text is kept" depend on scheduling.
        Thread.sleep(forTimeInterval: 0.2)
        stream.reset()
        return .reset
      }
      let framed = isChunked ? Self.chunkFrame(chunk.bytes) : chunk.bytes
      guard stream.write(framed) else { return .clientGone(afterChunks: index) }
      script.onChunkWritten?(index)
    }
    if script.resetBeforeChunk == script.chunks.count {
      Thread.sleep(forTimeInterval: 0.2)
      stream.reset()
      return .reset
    }
    if isChunked, script.endsCleanly, !stream.write(Array("0\r\n\r\n".utf8)) {
      return .clientGone(afterChunks: script.chunks.count)
    }
    if !script.endsCleanly { return .reset }
    return .completed
  }

  private static func chunkFrame(_ bytes: [UInt8]) -> [UInt8] {
    guard !bytes.isEmpty else { return [] }
    return Array("\(String(bytes.count, radix: 16))\r\n".utf8) + bytes + Array("\r\n".utf8)
  }

  private static func reason(_ status: Int) -> String {
    switch status {
    case 200: return "OK"
    case 400: return "Bad Request"
    case 401: return "Unauthorized"
    case 404: return "Not Found"
    case 500: return "Internal Server Error"
    case 502: return "Bad Gateway"
    case 503: return "Service Unavailable"
    default: return "Status"
    }
  }
}
