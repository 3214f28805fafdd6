/// Decodes Ollama's `POST /api/pull` NDJSON progress stream into ``PullEvent``s.
///
/// Each record is `status` with optional `digest`, `total` and `completed` (omitted while 0);
/// an `error` key is an in-band failure; `status:"success"` ends the stream. Bytes after a
/// terminal event are ignored, and a stream that ends without one is `truncated`. The events
/// are the same however the bytes are chunked.
public struct OllamaPullDecoder: EventDecoder {
  private var framer: NDJSONFramer
  private var finished = false

  public init(maxRecordLength: Int = 1 << 20) {
    framer = NDJSONFramer(maxRecordLength: maxRecordLength)
  }

  public mutating func decode(_ chunk: [UInt8]) -> [PullEvent] {
    guard !finished else { return [] }
    framer.append(chunk)
    var events: [PullEvent] = []
    do {
      while !finished, let record = try framer.nextRecord() { events.append(interpret(record)) }
    } catch {
      events.append(end(.failed(error)))
    }
    return events
  }

  public mutating func finish() -> [PullEvent] {
    guard !finished else { return [] }
    var events: [PullEvent] = []
    if let last = framer.finish() { events.append(interpret(last)) }
    if !finished {
      events.append(end(.failed(ChatError(.truncated, "the server closed the pull before it said success"))))
    }
    return events
  }

  private mutating func interpret(_ record: ArraySlice<UInt8>) -> PullEvent {
    guard let json = try? JSONValue.parse(record), json.objectMembers != nil else {
      return end(.failed(ChatError(.malformed, "a pull progress line is not a JSON object")))
    }
    if let message = ErrorBody.message(in: json), json["error"] != nil {
      return end(.failed(ChatError(.server, message)))
    }
    let status = json["status"]?.stringValue ?? ""
    if status == "success" { return end(.success) }
    guard let digest = json["digest"]?.nonEmptyString else { return .status(status) }
    return .layer(
      status: status, digest: digest, completed: Self.byteCount(json["completed"]),
      total: Self.byteCount(json["total"]))
  }

  /// A count of bytes: absent, out of range or below zero reads as 0.
  private static func byteCount(_ value: JSONValue?) -> Int64 {
    Int64(max(0, value?.intValue ?? 0))
  }

  private mutating func end(_ event: PullEvent) -> PullEvent {
    finished = true
    return event
  }
}
