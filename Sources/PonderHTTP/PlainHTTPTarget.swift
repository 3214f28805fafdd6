import PonderCore

/// Where a plain `http://` request goes and what its request line and `Host` header say, read
/// from the URL: `http://host[:port][/path][?query]`, the host a name, IPv4 or bracketed IPv6.
struct PlainHTTPTarget: Equatable {
  /// The name or address to resolve, without IPv6 brackets.
  var host: String
  var port: Int
  /// The path and query, as sent on the request line (`/api/chat`); never empty.
  var target: String
  /// The `Host` header: the host as written, with the port unless it is 80.
  var hostHeader: String

  /// Reads `url`; nil when it is not `http://` or not a usable address.
  init?(url: String) {
    guard let separator = url.firstRange(of: "://"), url[..<separator.lowerBound].lowercased() == "http" else {
      return nil
    }
    var rest = url[separator.upperBound...]
    if let fragment = rest.firstIndex(of: "#") { rest = rest[..<fragment] }
    let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" } ?? rest.endIndex
    let authority = rest[..<authorityEnd]
    let path = rest[authorityEnd...]
    target = path.isEmpty ? "/" : (path.hasPrefix("?") ? "/" + path : String(path))
    var portText: Substring?
    if authority.hasPrefix("[") {
      guard let close = authority.firstIndex(of: "]") else { return nil }
      host = String(authority[authority.index(after: authority.startIndex)..<close])
      let after = authority[authority.index(after: close)...]
      if !after.isEmpty {
        guard after.hasPrefix(":") else { return nil }
        portText = after.dropFirst()
      }
    } else if let colon = authority.lastIndex(of: ":") {
      host = String(authority[..<colon])
      portText = authority[authority.index(after: colon)...]
    } else {
      host = String(authority)
    }
    guard !host.isEmpty, !host.contains("@") else { return nil }
    if let portText {
      guard let number = Int(portText), (1...65535).contains(number) else { return nil }
      port = number
    } else {
      port = 80
    }
    let shownHost = host.contains(":") ? "[\(host)]" : host
    hostHeader = port == 80 ? shownHost : "\(shownHost):\(port)"
  }

  /// The request's head and body as bytes: the request line, `Host`, the caller's headers, the
  /// body's length, and `Connection: close` (each request has a connection of its own).
  func requestBytes(_ spec: HTTPRequestSpec) -> [UInt8] {
    var head = "\(spec.method.rawValue) \(target) HTTP/1.1\r\nHost: \(hostHeader)\r\n"
    for header in spec.headers {
      let name = header.name.lowercased()
      guard name != "host", name != "connection", name != "content-length" else { continue }
      // A line break in a value would start a header of its own.
      // (Scalars, not characters: "\r\n" is one character.)
      let value = String(String.UnicodeScalarView(header.value.unicodeScalars.filter { $0 != "\r" && $0 != "\n" }))
      head += "\(header.name): \(value)\r\n"
    }
    if !spec.body.isEmpty || spec.method == .post { head += "Content-Length: \(spec.body.count)\r\n" }
    head += "Connection: close\r\n\r\n"
    return Array(head.utf8) + spec.body
  }
}
