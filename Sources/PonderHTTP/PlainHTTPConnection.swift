import PonderCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One plain HTTP/1.1 request and its streamed response, on a non-blocking socket of its own that
/// ``NetworkLoop`` watches: per chunk of a stream, one `poll` wake and one `read`, and the bytes
/// go straight to the reader, with no channel pipeline or stream adapters in between.
///
/// Closing the socket is how a model server learns to stop generating: it is closed when the body
/// ends, when the reading task is cancelled, or when the response is dropped unread. One task
/// uses a connection at a time.
final class PlainHTTPConnection: @unchecked Sendable {
  private var fd: Int32
  private let loop: NetworkLoop
  private var parser: HTTPResponseParser
  /// Parts parsed but not handed out yet.
  private var parts: [HTTPResponseParser.Part] = []
  private var partIndex = 0
  /// The last read filled the buffer: more may be waiting, so read again before polling.
  private var mayHaveMore = false
  /// Whether some of the body was handed out: reads are timed only after that.
  private var bodyStarted = false
  /// The deadline of the read under way, and what it fails with, when reads are timed.
  private var readLimit: (deadline: ContinuousClock.Instant, failure: ChatError)?
  private static let readSize = 64 * 1024

  private init(fd: Int32, loop: NetworkLoop, bodyless: Bool) {
    self.fd = fd
    self.loop = loop
    parser = HTTPResponseParser(bodyless: bodyless)
  }

  deinit { closeSocket() }

  /// Connects, sends `spec` and reads up to the end of the head.
  static func exchange(
    _ spec: HTTPRequestSpec, to target: PlainHTTPTarget, connectTimeout: Duration, loop: NetworkLoop
  ) async throws -> HTTPResponseStream {
    let addresses = try await resolve(target)
    let deadline = ContinuousClock.now + connectTimeout
    let connection = PlainHTTPConnection(
      fd: try await connect(to: addresses, deadline: deadline, loop: loop), loop: loop, bodyless: spec.method == .head)
    do {
      try await connection.write(target.requestBytes(spec))
      guard case .head(let status, let headers)? = try await connection.nextPart() else {
        throw ChatError(.connectionLost, "the server closed the connection before answering")
      }
      return HTTPResponseStream(
        status: status, headers: headers,
        body: ResponseBody(
          { { try await connection.nextBodyChunk() } },
          timingReads: { idle, failure in { try await connection.nextBodyChunk(limit: (idle, failure)) } }))
    } catch {
      connection.closeSocket()
      throw error
    }
  }

  /// The next bytes of the body, or nil at its end. With a `limit`, every read after the body's
  /// first bytes must come within `idle` of being asked for, else the socket is closed and
  /// `failure` thrown (the server sees the hang-up and stops generating).
  func nextBodyChunk(limit: (idle: Duration, failure: ChatError)? = nil) async throws -> [UInt8]? {
    readLimit = bodyStarted ? limit.map { (ContinuousClock.now + $0.idle, $0.failure) } : nil
    while true {
      switch try await nextPart() {
      case .body(let bytes)?:
        bodyStarted = true
        return bytes
      case .head?: continue
      case .end?, nil:
        closeSocket()
        return nil
      }
    }
  }

  // MARK: - Reading

  private func nextPart() async throws -> HTTPResponseParser.Part? {
    while partIndex == parts.count {
      guard fd >= 0 else { return nil }
      parts.removeAll(keepingCapacity: true)
      partIndex = 0
      try await readMore()
    }
    defer { partIndex += 1 }
    return parts[partIndex]
  }

  /// Reads once (waiting for the socket first unless the last read filled the buffer) and
  /// parses what came.
  private func readMore() async throws {
    if !mayHaveMore, try await !waitFor(Int16(POLLIN), deadline: readLimit?.deadline), let readLimit {
      closeSocket()
      throw readLimit.failure
    }
    var failure: CInt = 0
    let parsed: Result<[HTTPResponseParser.Part], HTTPResponseParser.Malformed>? = withUnsafeTemporaryAllocation(
      of: UInt8.self, capacity: Self.readSize
    ) { buffer in
      let count = read(fd, buffer.baseAddress, Self.readSize)
      if count < 0 {
        failure = errno
        return nil
      }
      mayHaveMore = count == Self.readSize
      if count == 0 { return Result { () throws(HTTPResponseParser.Malformed) in try parser.finish() } }
      let bytes = UnsafeBufferPointer(rebasing: buffer[..<count])
      return Result { () throws(HTTPResponseParser.Malformed) in try parser.parse(bytes) }
    }
    guard let parsed else {
      if failure == EAGAIN || failure == EWOULDBLOCK || failure == EINTR {
        mayHaveMore = false
        return
      }
      closeSocket()
      throw ChatError(.connectionLost, TransportFailure.describe(errno: failure))
    }
    switch parsed {
    case .success(let new):
      parts = new
      if parser.isDone { closeSocket() }
    case .failure(let malformed):
      closeSocket()
      throw ChatError(.connectionLost, malformed.reason)
    }
  }

  /// Waits for the socket; on cancellation closes it at once (the server sees the hang-up).
  /// Returns `false` when `deadline` came first.
  @discardableResult
  private func waitFor(_ events: Int16, deadline: ContinuousClock.Instant? = nil) async throws -> Bool {
    do {
      return try await loop.wait(for: fd, events: events, deadline: deadline)
    } catch {
      closeSocket()
      throw error
    }
  }

  private func write(_ bytes: [UInt8]) async throws {
    var sent = 0
    while sent < bytes.count {
      let count = bytes.withUnsafeBytes { raw in
        send(fd, raw.baseAddress! + sent, raw.count - sent, Int32(MSG_NOSIGNAL))
      }
      if count >= 0 {
        sent += count
        continue
      }
      let code = errno
      guard code == EAGAIN || code == EWOULDBLOCK || code == EINTR else {
        throw ChatError(.cannotConnect, TransportFailure.describe(errno: code))
      }
      try await waitFor(Int16(POLLOUT))
    }
  }

  private func closeSocket() {
    guard fd >= 0 else { return }
    close(fd)
    fd = -1
  }

  // MARK: - Connecting

  /// The target's addresses, looked up off the network thread (a DNS query can take seconds).
  private static func resolve(_ target: PlainHTTPTarget) async throws -> [ResolvedAddress] {
    let resolved = await Task(executorPreference: globalConcurrentExecutor) {
      ResolvedAddress.lookUp(host: target.host, port: target.port)
    }.value
    guard !resolved.isEmpty else { throw ChatError(.cannotConnect, "unknown host \(target.host)") }
    return resolved
  }

  /// Tries each address in turn until one accepts; the error is the first address's.
  private static func connect(to addresses: [ResolvedAddress], deadline: ContinuousClock.Instant, loop: NetworkLoop)
    async throws -> Int32
  {
    var firstError: (any Error)?
    for address in addresses {
      do {
        return try await connect(to: address, deadline: deadline, loop: loop)
      } catch is CancellationError {
        throw CancellationError()
      } catch {
        firstError = firstError ?? error
      }
    }
    throw firstError ?? ChatError(.cannotConnect, "could not connect")
  }

  private static func connect(to address: ResolvedAddress, deadline: ContinuousClock.Instant, loop: NetworkLoop)
    async throws -> Int32
  {
    let fd = socket(address.family, Int32(SOCK_STREAM.rawValue | SOCK_NONBLOCK.rawValue | SOCK_CLOEXEC.rawValue), 0)
    guard fd >= 0 else { throw ChatError(.cannotConnect, TransportFailure.describe(errno: errno)) }
    var yes: Int32 = 1
    setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &yes, socklen_t(MemoryLayout<Int32>.size))
    let started = address.withSockaddr { Glibc.connect(fd, $0, $1) }
    if started != 0, errno != EINPROGRESS {
      let code = errno
      close(fd)
      throw ChatError(.cannotConnect, TransportFailure.describe(errno: code))
    }
    if started != 0 {
      let ready: Bool
      do {
        ready = try await loop.wait(for: fd, events: Int16(POLLOUT), deadline: deadline)
      } catch {
        close(fd)
        throw error
      }
      guard ready else {
        close(fd)
        throw ChatError(.cannotConnect, "timed out connecting")
      }
      var code: Int32 = 0
      var length = socklen_t(MemoryLayout<Int32>.size)
      getsockopt(fd, SOL_SOCKET, SO_ERROR, &code, &length)
      if code != 0 {
        close(fd)
        throw ChatError(.cannotConnect, TransportFailure.describe(errno: code))
      }
    }
    return fd
  }
}
