/// Which redirects a request may follow: only within its origin (scheme, host and port), so the
/// headers that carry a key (`Authorization`, `x-api-key`) never go to another host; a POST only
/// on 307/308, which keep the method and body. Everything else is one line telling the user
/// where the server points, to use as `--host`.
public enum RedirectPolicy {
  public static let maximumHops = 4

  public enum Decision: Sendable, Equatable {
    case follow(String)
    case refuse(String)
  }

  public static func decide(status: Int, method: HTTPRequestSpec.Method, from url: String, to location: String?)
    -> Decision
  {
    guard let location, !location.isEmpty, let origin = origin(of: url) else {
      return .refuse("the server answered with a redirect (HTTP \(status)) without saying where")
    }
    let target: String
    if location.hasPrefix("//") {
      target = (url.prefix { $0 != ":" }) + ":" + location
    } else if location.hasPrefix("/") {
      target = origin + location
    } else if location.contains("://") {
      target = location
    } else {
      return .refuse("the server redirected to \(location), which Ponder does not follow")
    }
    let shown = target.split(separator: "?").first.map(String.init) ?? target
    guard self.origin(of: target) == origin else {
      return .refuse(
        "the server redirected to \(shown), another host: Ponder does not send your request (or its key) there; use it as --host if you trust it"
      )
    }
    let keepsMethod = status == 307 || status == 308
    guard keepsMethod || method == .get else {
      return .refuse(
        "the server redirected to \(shown) (HTTP \(status)), which would drop the request body; use that address as --host"
      )
    }
    return .follow(target)
  }

  /// `scheme://host:port` with the scheme's default port made explicit; `nil` for no URL.
  public static func origin(of url: String) -> String? {
    guard let separator = url.firstRange(of: "://") else { return nil }
    let scheme = url[..<separator.lowerBound].lowercased()
    let rest = url[separator.upperBound...]
    var authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
    if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
    var host = authority.lowercased()
    var port = scheme == "https" ? "443" : "80"
    if let close = host.lastIndex(of: "]") {
      let after = host[host.index(after: close)...]
      if after.hasPrefix(":") { port = String(after.dropFirst()) }
      host = String(host[...close])
    } else if let colon = host.lastIndex(of: ":") {
      port = String(host[host.index(after: colon)...])
      host = String(host[..<colon])
    }
    return host.isEmpty ? nil : "\(scheme)://\(host):\(port)"
  }
}
