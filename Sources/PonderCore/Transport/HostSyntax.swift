/// Checks a server address before anything connects to it, so a typo is a usage error with a
/// clear line — never a crash deep in the network stack, and never an echo of a password.
///
/// Accepts what `--host` and `OLLAMA_HOST` take: `host`, `host:port`, `http(s)://host[:port][/path]`,
/// bracketed or bare IPv6.
public enum HostSyntax {
  /// Why `text` is no usable server address; `nil` when it is.
  public static func problem(with text: String) -> String? {
    var rest = Substring(text.trimmingWhitespace())
    if rest.isEmpty { return "the address is empty" }
    if let separator = rest.firstRange(of: "://") {
      let scheme = rest[..<separator.lowerBound].lowercased()
      guard scheme == "http" || scheme == "https" else {
        return "the scheme \(scheme)\(scheme.isEmpty ? "(none)" : "") is not supported: use http:// or https://"
      }
      rest = rest[separator.upperBound...]
    }
    if let slash = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) { rest = rest[..<slash] }
    if rest.contains("@") {
      return
        "a user name or password in the address is not supported (the key goes in an environment variable, see --api-key-env)"
    }
    var host = rest
    var port: Substring?
    if rest.hasPrefix("[") {
      guard let close = rest.firstIndex(of: "]") else { return "an IPv6 address in [ ] is not closed" }
      host = rest[rest.index(after: rest.startIndex)..<close]
      let after = rest[rest.index(after: close)...]
      if !after.isEmpty {
        guard after.hasPrefix(":") else { return "unexpected text after the IPv6 address" }
        port = after.dropFirst()
      }
      guard !host.isEmpty, host.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." }) else {
        return "\(host) is not an IPv6 address"
      }
      return port.flatMap(portProblem)
    } else if rest.filter({ $0 == ":" }).count > 1 {
      guard rest.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." }) else {
        return "\(rest) is not a host name or address"
      }
      return nil
    } else if let colon = rest.firstIndex(of: ":") {
      host = rest[..<colon]
      port = rest[rest.index(after: colon)...]
    }
    if let port, let problem = portProblem(port) { return problem }
    let allowed = host.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." || $0 == "_" }
    if !host.isEmpty, !allowed || host.hasPrefix(".") || host.hasPrefix("-") || host.contains("..") {
      return "\(String(host.prefix(64))) is not a host name or address"
    }
    return nil
  }

  private static func portProblem(_ port: Substring) -> String? {
    guard !port.isEmpty, port.allSatisfy(\.isASCII), port.allSatisfy(\.isNumber), let number = Int(port),
      (1...65535).contains(number)
    else { return "the port \(port.isEmpty ? "(empty)" : String(port.prefix(12))) is not a number from 1 to 65535" }
    return nil
  }
}
