import AsyncHTTPClient
import NIOCore
import NIOHTTP1
import NIOPosix
import PonderCore

/// The production ``HTTPTransport``: HTTP/1.1 and HTTPS through AsyncHTTPClient.
///
/// No read timeout: a model can be silent for minutes while it loads (Ollama sends no headers
/// before the first token). Connecting is bounded and not retried, so a missing server is reported at once. Cancelling the task that reads a body makes
/// AsyncHTTPClient close the connection, which is what tells a model server to stop generating.
///
/// Every transport shares one event-loop thread, ``networkThread``, and offers it as
/// ``readingExecutor``: a turn's reader runs there, so each chunk is read, decoded and buffered on
/// the thread that received it. (One local model server needs no more than one network thread.)
public final class AsyncHTTPTransport: HTTPTransport {
  private let client: HTTPClient
  public let readingExecutor: (any TaskExecutor)?
  /// A clock whose sleeps end on the network thread, for timers of the code that runs there.
  public let networkClock: NetworkClock

  /// The process's one network thread.
  private static let networkThread = MultiThreadedEventLoopGroup(numberOfThreads: 1)

  public init(connectTimeout: Duration = .seconds(10)) {
    var configuration = HTTPClient.Configuration()
    configuration.timeout = .init(
      connect: .nanoseconds(Int64(connectTimeout.components.seconds) * 1_000_000_000), read: nil)
    configuration.decompression = .disabled
    configuration.httpVersion = .http1Only
    // Local servers are either up or not: say so at once instead of retrying until the timeout.
    configuration.connectionPool.retryConnectionEstablishment = false
    // Redirects are followed here, not by the library: only within the origin, so a key header
    // never reaches another host (see `RedirectPolicy`).
    configuration.redirectConfiguration = .disallow
    let loop = Self.networkThread.next()
    readingExecutor = EventLoopTaskExecutor(loop)
    networkClock = NetworkClock(loop)
    client = HTTPClient(eventLoopGroup: Self.networkThread, configuration: configuration)
  }

  /// Closes pooled connections; call once before the process exits.
  public func shutdown() async {
    try? await client.shutdown()
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
    var request = HTTPClientRequest(url: spec.url)
    request.method = HTTPMethod(rawValue: spec.method.rawValue)
    for header in spec.headers { request.headers.add(name: header.name, value: header.value) }
    if !spec.body.isEmpty { request.body = .bytes(spec.body) }
    let response: HTTPClientResponse
    do {
      // The deadline would cut long generations short; the connect timeout bounds the wait instead.
      response = try await client.execute(request, deadline: .distantFuture)
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
