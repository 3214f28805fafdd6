import AsyncHTTPClient
import NIOCore
import NIOHTTP1
import PonderCore

/// Adapts AsyncHTTPClient's body iterator to plain byte arrays.
///
/// A class so the iterator keeps its position across calls; used by one task at a time.
final class BodyIterator: @unchecked Sendable {
  private var iterator: HTTPClientResponse.Body.AsyncIterator

  init(_ iterator: HTTPClientResponse.Body.AsyncIterator) {
    self.iterator = iterator
  }

  func next() async throws -> [UInt8]? {
    do {
      guard let buffer = try await iterator.next() else { return nil }
      return Array(buffer.readableBytesView)
    } catch let error as HTTPClientError where error == .cancelled {
      throw CancellationError()
    } catch is CancellationError {
      throw CancellationError()
    } catch {
      throw ChatError(.connectionLost, TransportFailure.reason(error))
    }
  }
}
