import AsyncHTTPClient
import NIOCore
import NIOHTTP1
import NIOPosix
import PonderCore
import Synchronization

/// The production ``HTTPTransport``: plain `http://` on Ponder's own network loop, HTTPS through
/// AsyncHTTPClient.
///
/// A local model server is plain HTTP, and a stream of small chunks is what Ponder reads most:
/// ``PlainHTTPConnection`` reads it on ``NetworkLoop`` with one `poll` and one `read` per chunk.
/// HTTPS needs TLS, which AsyncHTTPClient brings (with its own event-loop thread, started on the
/// first HTTPS request).
///
/// No read timeout: a model can be silent for minutes while it loads (Ollama sends no headers
/// before the first token). Connecting is bounded and not retried, so a missing server is
/// reported at once. Cancelling the task that reads a body closes the connection, which is what
/// tells a model server to stop generating.
///
/// Every transport offers the network loop as ``readingExecutor``: a turn's reader runs there, so
/// each chunk is read, decoded and buffered on the thread that received it.
public final class AsyncHTTPTransport: HTTPTransport {
  public let readingExecutor: (any TaskExecutor)?
  /// A clock whose sleeps end on the network thread, for timers of the code that runs there.
  public let networkClock: NetworkClock
  private let connectTimeout: Duration
  private let loop = NetworkLoop.shared
  /// AsyncHTTPClient, made on the first HTTPS request.
  private let tlsClient = Mutex<HTTPClient?>(nil)

  /// The event-loop thread of AsyncHTTPClient, for HTTPS only.
  private static let tlsThread = MultiThreadedEventLoopGroup(numberOfThreads: 1)

  public init(connectTimeout: Duration = .seconds(10)) {
    self.connectTimeout = connectTimeout
    readingExecutor = loop
    networkClock = NetworkClock(loop)
  }

  /// Closes AsyncHTTPClient's pooled connections, if HTTPS was used; call once before the
  /// process exits.
  public func shutdown() async {
    let client = tlsClient.withLock { client in
      defer { client = nil }
      return client
    }
    try? await client?.shutdown()
  }

  private func httpsClient() -> HTTPClient {
    tlsClient.withLock { client in
      if let client { return client }
      var configuration = HTTPClient.Configuration()
      configuration.timeout = .init(
        connect: .nanoseconds(Int64(connectTimeout.components.seconds) * 1_000_000_000), read: nil)
      configuration.decompression = .disabled
      configuration.httpVersion = .http1Only
      // Servers are either up or not: say so at once instead of retrying until the timeout.
      configuration.connectionPool.retryConnectionEstablishment = false
      // Redirects are followed here, not by the library: only within the origin, so a key header
      // never reaches another host (see `RedirectPolicy`).
      configuration.redirectConfiguration = .disallow
      let made = HTTPClient(eventLoopGroup: Self.tlsThread, configuration: configuration)
      client = made
      return made
    }
  }

  public func send(_ spec: HTTPRequestSpec) async throws -> HTTPResponseStream {
    var current = spec
    for _ in 0..<RedirectPolicy.maximumHops {
      let response = try await sendOnce(current)
      guard (300..<400).contains(response.status) else { return response }
      let location = response.headers.first { $0.name.lowercased() == "location" }?.value
      switch RedirectPolicy.decide(status: response.status, method: current.method, from: current.url, to: location) {
      case .follow(let url):
        current.url = url
      case .refuse(let reason):
        throw ChatError(.rejected(status: response.status), reason)
      }
    }
    throw ChatError(.unavailable, "too many redirects from \(RedirectPolicy.origin(of: spec.url) ?? spec.url)")
  }

  private func sendOnce(_ spec: HTTPRequestSpec) async throws -> HTTPResponseStream {
    if let target = PlainHTTPTarget(url: spec.url) {
      return try await PlainHTTPConnection.exchange(spec, to: target, connectTimeout: connectTimeout, loop: loop)
    }
    if spec.url.lowercased().hasPrefix("http://") {
      throw ChatError(.cannotConnect, "the address is not a valid URL")
    }
    var request = HTTPClientRequest(url: spec.url)
    request.method = HTTPMethod(rawValue: spec.method.rawValue)
    for header in spec.headers { request.headers.add(name: header.name, value: header.value) }
    if !spec.body.isEmpty { request.body = .bytes(spec.body) }
    let response: HTTPClientResponse
    do {
      // The deadline would cut long generations short; the connect timeout bounds the wait instead.
      response = try await httpsClient().execute(request, deadline: .distantFuture)
    } catch {
      throw TransportFailure.translate(error)
    }
    let body = response.body
    return HTTPResponseStream(
      status: Int(response.status.code),
      headers: response.headers.map { HTTPHeader($0.name, $0.value) },
      body: ResponseBody {
        let iterator = BodyIterator(body.makeAsyncIterator())
        return { try await iterator.next() }
      })
  }
}
