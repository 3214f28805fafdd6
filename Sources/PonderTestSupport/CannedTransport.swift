import Foundation
import PonderCore

/// A transport that answers every request with the same status, headers and body chunks, and
/// records the requests: for tests of what Ponder makes of a response, without a socket.
public final class CannedTransport: HTTPTransport, @unchecked Sendable {
  public let status: Int
  public let headers: [HTTPHeader]
  public let chunks: [[UInt8]]
  private let lock = NSLock()
  private var sent: [HTTPRequestSpec] = []

  public init(status: Int = 200, headers: [HTTPHeader] = [], body: String) {
    self.status = status
    self.headers = headers
    chunks = [Array(body.utf8)]
  }

  public init(status: Int = 200, headers: [HTTPHeader] = [], chunks: [[UInt8]]) {
    self.status = status
    self.headers = headers
    self.chunks = chunks
  }

  /// The requests sent so far.
  public var requests: [HTTPRequestSpec] { lock.withLock { sent } }

  public func send(_ request: HTTPRequestSpec) async throws -> HTTPResponseStream {
    lock.withLock { sent.append(request) }
    return HTTPResponseStream(status: status, headers: headers, body: .chunks(chunks))
  }
}
