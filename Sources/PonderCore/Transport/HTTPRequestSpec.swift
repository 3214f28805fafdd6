/// An HTTP request as plain data, built by the protocol code and sent by a ``HTTPTransport``.
public struct HTTPRequestSpec: Sendable, Equatable {
  public enum Method: String, Sendable { case get = "GET", post = "POST", head = "HEAD" }

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

  /// A POST with a JSON body.
  public static func postJSON(_ url: String, _ body: JSONValue, headers: [HTTPHeader] = []) -> HTTPRequestSpec {
    HTTPRequestSpec(
      method: .post, url: url,
      headers: [HTTPHeader("Content-Type", "application/json")] + headers,
      body: body.serializedBytes)
  }
}

/// One header line. Kept as a list, not a dictionary: order and repeats are the sender's choice.
public struct HTTPHeader: Sendable, Equatable {
  public var name: String
  public var value: String
  public init(_ name: String, _ value: String) {
    self.name = name
    self.value = value
  }
}
