import Foundation

#if canImport(Glibc)
  import Glibc
  private typealias SystemLinger = Glibc.linger
  private let systemClose = Glibc.close
#elseif canImport(Darwin)
  import Darwin
  private typealias SystemLinger = Darwin.linger
  private let systemClose = Darwin.close
#endif

/// Blocking reads and writes on one accepted socket, for the scripted server.
struct SocketStream {
  let fd: Int32
  private var pending: [UInt8] = []
  private var closed = false

  init(fd: Int32) {
    self.fd = fd
  }

  mutating func readRequest() -> RecordedRequest? {
    guard let headEnd = readUntilHeadEnd() else { return nil }
    let head = String(decoding: pending[..<headEnd], as: UTF8.self)
    pending.removeSubrange(..<(headEnd + 4))
    var lines = head.components(separatedBy: "\r\n")
    let requestLine = lines.removeFirst().split(separator: " ")
    guard requestLine.count >= 2 else { return nil }
    let headers: [(String, String)] = lines.compactMap { line in
      guard let colon = line.firstIndex(of: ":") else { return nil }
      return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
    }
    var body: [UInt8] = []
    if let lengthText = headers.first(where: { $0.0.lowercased() == "content-length" })?.1,
      let length = Int(lengthText)
    {
      while pending.count < length, fill() {}
      body = Array(pending.prefix(length))
      pending.removeFirst(min(length, pending.count))
    } else if headers.contains(where: { $0.0.lowercased() == "transfer-encoding" }) {
      body = readChunkedBody()
    }
    return RecordedRequest(
      method: String(requestLine[0]), path: String(requestLine[1]), headers: headers, body: body)
  }

  private mutating func readChunkedBody() -> [UInt8] {
    var body: [UInt8] = []
    while true {
      guard let lineEnd = find([13, 10]) else {
        if !fill() { return body }
        continue
      }
      let size = Int(String(decoding: pending[..<lineEnd], as: UTF8.self), radix: 16) ?? 0
      pending.removeSubrange(..<(lineEnd + 2))
      while pending.count < size + 2, fill() {}
      body += pending.prefix(size)
      pending.removeFirst(min(size + 2, pending.count))
      if size == 0 { return body }
    }
  }

  private mutating func readUntilHeadEnd() -> Int? {
    while true {
      if let end = find([13, 10, 13, 10]) { return end }
      if !fill() { return nil }
    }
  }

  private func find(_ needle: [UInt8]) -> Int? {
    guard pending.count >= needle.count else { return nil }
    for start in 0...(pending.count - needle.count) where pending[start] == needle[0] {
      if Array(pending[start..<(start + needle.count)]) == needle { return start }
    }
    return nil
  }

  private mutating func fill() -> Bool {
    var chunk = [UInt8](repeating: 0, count: 65536)
    let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
    guard count > 0 else { return false }
    pending += chunk.prefix(count)
    return true
  }

  /// Whether the client has closed its end (a readable socket with nothing to read).
  func peerClosed() -> Bool {
    var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
    guard poll(&poller, 1, 0) > 0 else { return false }
    if poller.revents & Int16(POLLHUP | POLLERR) != 0 { return true }
    var byte: UInt8 = 0
    let count = recv(fd, &byte, 1, Int32(MSG_PEEK | MSG_DONTWAIT))
    return count == 0 || (count < 0 && errno != EAGAIN && errno != EWOULDBLOCK)
  }

  func write(_ bytes: [UInt8]) -> Bool {
    var offset = 0
    while offset < bytes.count {
      let written = bytes[offset...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
      if written <= 0 { return false }
      offset += written
    }
    return true
  }

  /// Closes with RST instead of FIN: what a crashed server or a broken network looks like.
  mutating func reset() {
    var linger = SystemLinger(l_onoff: 1, l_linger: 0)
    setsockopt(fd, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<SystemLinger>.size))
    close()
  }

  mutating func close() {
    guard !closed else { return }
    closed = true
    _ = systemClose(fd)
  }
}
