/// A response whose body has not been read yet.
public struct HTTPResponseStream: Sendable {
  public var status: Int
  public var headers: [HTTPHeader]
  public var body: ResponseBody

  public init(status: Int, headers: [HTTPHeader], body: ResponseBody) {
    self.status = status
    self.headers = headers
    self.body = body
  }

  public var isSuccess: Bool { (200..<300).contains(status) }

  /// Reads the body up to `limit` bytes, for error messages and small JSON answers.
  public func collectBody(limit: Int = 1 << 20) async throws -> [UInt8] {
    var collected: [UInt8] = []
    for try await chunk in body {
      collected.append(contentsOf: chunk.prefix(limit - collected.count))
      if collected.count >= limit { break }
    }
    return collected
  }
}
