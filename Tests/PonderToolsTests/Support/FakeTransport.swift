import Foundation
import PonderCore
import PonderTools

/// An ``HTTPTransport`` that answers each request with the next scripted response and records
/// what was sent: the coordinator's tests run without sockets.
final class FakeTransport: HTTPTransport, @unchecked Sendable {
  struct Response: Sendable {
    var status: Int
    var chunks: [[UInt8]]

    /// An NDJSON stream, one chunk per line.
    static func ndjson(_ lines: [String]) -> Response {
      Response(status: 200, chunks: lines.map { Array(($0 + "\n").utf8) })
    }

    /// An SSE stream, one chunk per event.
    static func sse(_ events: [String]) -> Response {
      Response(status: 200, chunks: events.map { Array(($0 + "\n\n").utf8) })
    }

    static func error(_ status: Int, _ body: String) -> Response {
      Response(status: status, chunks: [Array(body.utf8)])
    }
  }

  private let lock = NSLock()
  private var pending: [Response]
  private let repeatLast: Bool
  private var sent: [HTTPRequestSpec] = []

  /// - Parameter repeatLast: answer every request after the script ends with its last response.
  init(_ responses: [Response], repeatLast: Bool = false) {
    pending = responses
    self.repeatLast = repeatLast
  }

  var requests: [HTTPRequestSpec] { lock.withLock { sent } }

  /// The JSON bodies of the requests, in order.
  var bodies: [JSONValue] { requests.compactMap { try? JSONValue.parse($0.body) } }

  func send(_ request: HTTPRequestSpec) async throws -> HTTPResponseStream {
    let response = lock.withLock { () -> Response? in
      sent.append(request)
      if pending.count == 1, repeatLast { return pending.first }
      return pending.isEmpty ? nil : pending.removeFirst()
    }
    guard let response else { throw ChatError(.cannotConnect, "no scripted response left") }
    return HTTPResponseStream(status: response.status, headers: [], body: .chunks(response.chunks))
  }
}

/// Lines of Ollama's `/api/chat` stream (protocols.md §1.3, §1.4).
enum OllamaLines {
  static func thinking(_ text: String) -> String {
    let line: JSONValue = ["model": "m", "message": ["role": "assistant", "content": "", "thinking": .string(text)], "done": false]
    return line.serialized
  }

  static func content(_ text: String) -> String {
    let line: JSONValue = ["model": "m", "message": ["role": "assistant", "content": .string(text)], "done": false]
    return line.serialized
  }

  static func toolCalls(_ calls: [ToolCall]) -> String {
    let wire: [JSONValue] = calls.enumerated().map { index, call in
      var members: [JSONMember] = []
      if let id = call.id { members.append(JSONMember("id", .string(id))) }
      members.append(
        JSONMember("function", ["index": .number(Double(index)), "name": .string(call.name), "arguments": call.arguments]))
      return .object(members)
    }
    let line: JSONValue = ["model": "m", "message": ["role": "assistant", "content": "", "tool_calls": .array(wire)], "done": false]
    return line.serialized
  }

  static let done = #"{"model":"m","message":{"role":"assistant","content":""},"done":true,"done_reason":"stop","eval_count":3}"#

  static let stats = GenerationStats(doneReason: "stop", completionTokens: 3)
}

/// Collects what a coordinator emits, and signals when a given kind of event arrives.
actor EventRecorder {
  private struct Watcher {
    let predicate: @Sendable (ToolTurnEvent) -> Bool
    let continuation: CheckedContinuation<Void, Never>
  }

  private(set) var events: [ToolTurnEvent] = []
  private var watchers: [Watcher] = []

  func record(_ batch: [ToolTurnEvent]) {
    events += batch
    var waiting: [Watcher] = []
    for watcher in watchers {
      if batch.contains(where: watcher.predicate) { watcher.continuation.resume() } else { waiting.append(watcher) }
    }
    watchers = waiting
  }

  /// Returns once an event matching `predicate` has been recorded.
  func wait(for predicate: @escaping @Sendable (ToolTurnEvent) -> Bool) async {
    if events.contains(where: predicate) { return }
    await withCheckedContinuation { watchers.append(Watcher(predicate: predicate, continuation: $0)) }
  }

  /// The events with tool durations removed (they vary from run to run).
  var normalized: [ToolTurnEvent] {
    events.map { event in
      guard case .toolFinished(var result) = event else { return event }
      result.duration = nil
      return .toolFinished(result)
    }
  }

  nonisolated var sink: ToolStreamingCoordinator.Sink { { await self.record($0) } }
}
