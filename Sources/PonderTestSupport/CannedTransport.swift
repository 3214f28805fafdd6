import Foundation
import PonderCore

/// The one fake ``HTTPTransport`` of the tests: answers each request with the next scripted
/// response (or one computed from the request), records the requests, and counts the body
/// chunks handed out — what Ponder makes of a response, tested without a socket.
///
/// A body is a list of ``Step``s: chunks, waits on an injected clock (a `ManualClock` in tests,
/// so time moves by hand), and a stall that lasts until the reading task is cancelled. Each chunk
/// is handed out on its own `next()`, so a reader that stops asking stops the body (back-pressure).
public final class CannedTransport: HTTPTransport, @unchecked Sendable {
  /// One piece of a scripted body.
  public enum Step: Sendable {
    /// Bytes returned by one `next()`.
    case chunk([UInt8])
    /// A pause on the transport's clock before the next step.
    case wait(Duration)
    /// Nothing more until the reading task is cancelled (then `CancellationError`).
    case stall
  }

  /// A scripted answer: status, headers and body.
  public struct Response: Sendable {
    public var status: Int
    public var headers: [HTTPHeader]
    public var body: [Step]

    public init(status: Int = 200, headers: [HTTPHeader] = [], body: [Step]) {
      self.status = status
      self.headers = headers
      self.body = body
    }

    /// A body of `chunks`, one per read.
    public init(status: Int = 200, headers: [HTTPHeader] = [], chunks: [[UInt8]]) {
      self.init(status: status, headers: headers, body: chunks.map { .chunk($0) })
    }

    /// A body of one chunk holding `text`.
    public init(status: Int = 200, headers: [HTTPHeader] = [], text: String) {
      self.init(status: status, headers: headers, chunks: [Array(text.utf8)])
    }

    /// An NDJSON stream, one chunk per line.
    public static func ndjson(_ lines: [String]) -> Response {
      Response(chunks: lines.map { Array(($0 + "\n").utf8) })
    }

    /// An SSE stream, one chunk per event.
    public static func sse(_ events: [String]) -> Response {
      Response(chunks: events.map { Array(($0 + "\n\n").utf8) })
    }

    /// An error status with its body.
    public static func error(_ status: Int, _ body: String) -> Response {
      Response(status: status, text: body)
    }
  }

  private enum Script {
    case sequence(repeatLast: Bool)
    case handler(@Sendable (HTTPRequestSpec) -> Response)
  }

  private let script: Script
  private let clock: any Clock<Duration>
  private let lock = NSLock()
  private var pending: [Response]
  private var sent: [HTTPRequestSpec] = []
  private var chunksRead = 0

  /// Answers the requests with `responses` in order; after the last, with the last again when
  /// `repeatLast`, else by failing to connect.
  /// - Parameter clock: the clock `.wait` steps sleep on.
  public init(_ responses: [Response], repeatLast: Bool = false, clock: any Clock<Duration> = ContinuousClock()) {
    script = .sequence(repeatLast: repeatLast)
    pending = responses
    self.clock = clock
  }

  /// Answers each request with what `handler` makes of it (a scripted server without a socket).
  public init(
    clock: any Clock<Duration> = ContinuousClock(), handler: @escaping @Sendable (HTTPRequestSpec) -> Response
  ) {
    script = .handler(handler)
    pending = []
    self.clock = clock
  }

  /// Answers every request with the same status, headers and body.
  public convenience init(status: Int = 200, headers: [HTTPHeader] = [], body: String) {
    self.init([Response(status: status, headers: headers, text: body)], repeatLast: true)
  }

  /// Answers every request with the same status, headers and body chunks.
  public convenience init(status: Int = 200, headers: [HTTPHeader] = [], chunks: [[UInt8]]) {
    self.init([Response(status: status, headers: headers, chunks: chunks)], repeatLast: true)
  }

  /// The requests sent so far.
  public var requests: [HTTPRequestSpec] { lock.withLock { sent } }

  /// The JSON bodies of the requests, in order.
  public var bodies: [JSONValue] { requests.compactMap { try? JSONValue.parse($0.body) } }

  /// Body chunks handed to readers so far, over all responses.
  public var reads: Int { lock.withLock { chunksRead } }

  public func send(_ request: HTTPRequestSpec) async throws -> HTTPResponseStream {
    let response = lock.withLock { () -> Response? in
      sent.append(request)
      switch script {
      case .handler(let handler): return handler(request)
      case .sequence(let repeatLast):
        if pending.count == 1, repeatLast { return pending.first }
        return pending.isEmpty ? nil : pending.removeFirst()
      }
    }
    guard let response else { throw ChatError(.cannotConnect, "no scripted response left") }
    return HTTPResponseStream(status: response.status, headers: response.headers, body: body(response.body))
  }

  private func countRead() {
    lock.withLock { chunksRead += 1 }
  }

  private func body(_ steps: [Step]) -> ResponseBody {
    let clock = self.clock
    return ResponseBody { [self] in
      var remaining = steps[...]
      return {
        while let step = remaining.popFirst() {
          switch step {
          case .chunk(let bytes):
            self.countRead()
            return bytes
          case .wait(let duration): try await clock.sleep(for: duration)
          case .stall: try await Stall.untilCancelled()
          }
        }
        return nil
      }
    }
  }
}

extension CannedTransport {
  /// Suspends until the current task is cancelled: a server that has gone silent.
  fileprivate final class Stall: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<Void, any Error>?
    private var cancelled = false

    static func untilCancelled() async throws {
      let stall = Stall()
      try await withTaskCancellationHandler {
        try await withCheckedThrowingContinuation { stall.hold($0) }
      } onCancel: {
        stall.cancel()
      }
    }

    private func hold(_ continuation: CheckedContinuation<Void, any Error>) {
      let already = lock.withLock {
        self.continuation = continuation
        return cancelled
      }
      if already { cancel() }
    }

    private func cancel() {
      let waiting = lock.withLock {
        cancelled = true
        defer { continuation = nil }
        return continuation
      }
      waiting?.resume(throwing: CancellationError())
    }
  }
}
