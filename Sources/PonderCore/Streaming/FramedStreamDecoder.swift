/// The loop every stream decoder shares: frame the bytes, interpret frames until a terminal
/// event (done or error), ignore everything after it, and report truncation when the stream
/// ends without one. Conformers only interpret frames.
protocol FramedStreamDecoder: StreamDecoder {
  associatedtype Framer: StreamFramer
  var framer: Framer { get set }
  var finished: Bool { get set }
  /// The cause reported when the stream ends without its terminator.
  var truncationMessage: String { get }
  /// Interprets one frame; calls ``finish(with:into:)`` on a terminal event.
  mutating func handle(_ frame: Framer.Frame, into events: inout [StreamEvent])
}

extension FramedStreamDecoder {
  mutating func decodeFrames(_ chunk: [UInt8]) -> [StreamEvent] {
    guard !finished else { return [] }
    framer.append(chunk)
    var events: [StreamEvent] = []
    do {
      while !finished, let frame = try framer.nextFrame() { handle(frame, into: &events) }
    } catch {
      finish(with: .error(error), into: &events)
    }
    return events
  }

  mutating func finishFrames() -> [StreamEvent] {
    guard !finished else { return [] }
    var events: [StreamEvent] = []
    if let last = framer.finishFrame() { handle(last, into: &events) }
    if !finished { finish(with: .error(ChatError(.truncated, truncationMessage)), into: &events) }
    return events
  }

  mutating func finish(with event: StreamEvent, into events: inout [StreamEvent]) {
    events.append(event)
    finished = true
  }
}

extension NDJSONFramer: StreamFramer {
  mutating func nextFrame() throws(ChatError) -> ArraySlice<UInt8>? { try nextRecord() }
  mutating func finishFrame() -> ArraySlice<UInt8>? { finish() }
}

extension SSEFramer: StreamFramer {
  mutating func nextFrame() throws(ChatError) -> SSEEvent? { try nextEvent() }
  mutating func finishFrame() -> SSEEvent? { finish() }
}
