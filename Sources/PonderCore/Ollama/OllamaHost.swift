/// Where an Ollama server lives, parsed from `OLLAMA_HOST` by the same rules as Ollama's own CLI.
///
/// See protocols.md §1.1: no scheme means `http`; no port means 11434 unless a scheme was given
/// (then the scheme's port); bind addresses become loopback; a path is kept for reverse proxies.
public struct OllamaHost: Sendable, Equatable, CustomStringConvertible {
  public var scheme: String
  /// Host name or address; IPv6 without brackets.
  public var host: String
  public var port: Int
  /// Base path, `""` or starting with `/` and without a trailing `/`.
  public var path: String

  public static let defaultPort = 11434
  public static let local = OllamaHost(scheme: "http", host: "127.0.0.1", port: defaultPort, path: "")

  public init(scheme: String, host: String, port: Int, path: String) {
    self.scheme = scheme
    self.host = host
    self.port = port
    self.path = path
  }

  /// The base URL, e.g. `http://127.0.0.1:11434` or `https://example.com:443/ollama`.
  public var baseURL: String {
    let shownHost = host.contains(":") ? "[\(host)]" : host
    return "\(scheme)://\(shownHost):\(port)\(path)"
  }

  public var description: String { baseURL }

  /// Parses a value the way `OLLAMA_HOST` is read; `nil` or blank gives the local default.
  public init(environmentValue raw: String?) {
    var value = (raw ?? "").trimmingWhitespace()
    if value.count >= 2, let first = value.first, first == value.last, first == "\"" || first == "'" {
      value = String(value.dropFirst().dropLast()).trimmingWhitespace()
    }
    guard !value.isEmpty else {
      self = .local
      return
    }
    var scheme = "http"
    var explicitScheme = false
    var rest = Substring(value)
    if let separator = value.firstRange(of: "://") {
      scheme = value[..<separator.lowerBound].lowercased()
      rest = value[separator.upperBound...]
      explicitScheme = true
    } else if value == "ollama.com" {
      // Ollama special-cases its own host: bare `ollama.com` means its HTTPS API.
      self.init(scheme: "https", host: "ollama.com", port: 443, path: "")
      return
    }
    var path = ""
    if let slash = rest.firstIndex(of: "/") {
      path = String(rest[slash...])
      rest = rest[..<slash]
      while path.hasSuffix("/") { path.removeLast() }
    }
    let defaultPort = explicitScheme ? (scheme == "https" ? 443 : 80) : Self.defaultPort
    var (host, port) = Self.splitHostPort(String(rest), defaultPort: defaultPort)
    if host.isEmpty || host == "0.0.0.0" { host = "127.0.0.1" }
    if host == "::" { host = "::1" }
    self.init(scheme: scheme, host: host, port: port, path: path)
  }

  private static func splitHostPort(_ text: String, defaultPort: Int) -> (String, Int) {
    if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
      let host = String(text[text.index(after: text.startIndex)..<close])
      let after = text[text.index(after: close)...]
      if after.hasPrefix(":") { return (host, parsePort(after.dropFirst(), defaultPort)) }
      return (host, defaultPort)
    }
    let colons = text.filter { $0 == ":" }.count
    if colons > 1 { return (text, defaultPort) }  // bare IPv6 such as ::1
    if colons == 1, let colon = text.firstIndex(of: ":") {
      return (String(text[..<colon]), parsePort(text[text.index(after: colon)...], defaultPort))
    }
    return (text, defaultPort)
  }

  private static func parsePort(_ text: Substring, _ fallback: Int) -> Int {
    guard let port = Int(text), (0...65535).contains(port) else { return fallback }
    return port
  }
}
