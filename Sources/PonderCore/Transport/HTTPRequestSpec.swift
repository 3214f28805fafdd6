/// An HTTP request as plain data, built by the protocol code and sent by a ``HTTPTransport``.
public struct HTTPRequestSpec: Sendable, Equatable {
  public enum Method: String, Sendable {
    case get = "GET"
    case post = "POST"
    case head = "HEAD"
  }

  public var method: Method
  public var url: String
  public var headers: [HTTPHeader]
  public var body: [UInt8]

  public init(method: Method, url: String, headers: [HTTPHeader] = [], body: [UInt8] = []) {
    self.method = method
    self.url = url
    self.headers = headers
    self.body = body
  }

  /// The URL's path without its query (`/api/chat`), for messages; `/` when it has none.
  public var path: String {
    guard let separator = url.firstRange(of: "://") else { return url }
    let rest = url[separator.upperBound...]
    guard let slash = rest.firstIndex(of: "/") else { return "/" }
    return String(rest[slash...].prefix { $0 != "?" && $0 != "#" })
  }

  /// A POST with a JSON body.
  public static func postJSON(_ url: String, _ body: JSONValue, headers: [HTTPHeader] = []) -> HTTPRequestSpec {
    HTTPRequestSpec(
      method: .post, url: url,
      headers: [HTTPHeader("Content-Type", "application/json")] + headers,
      body: body.serializedBytes)
  }
}
