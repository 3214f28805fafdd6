/// Decodes Ollama's `POST /api/chat` NDJSON stream (protocols.md §1.3–1.5).
///
/// Per record: an `error` key is an in-band failure; otherwise `message.thinking`, then
/// `message.content`, then `message.tool_calls` are emitted, and `done:true` ends the stream with
/// the server's statistics. Reads only the keys it needs and skips the rest without allocating.
public struct OllamaChatDecoder: StreamDecoder, FramedStreamDecoder {
  var framer: NDJSONFramer
  var finished = false

  public init(maxRecordLength: Int = 8 << 20) {
    framer = NDJSONFramer(maxRecordLength: maxRecordLength)
  }

  public mutating func decode(_ chunk: [UInt8]) -> [StreamEvent] { decodeFrames(chunk) }

  public mutating func finish() -> [StreamEvent] { finishFrames() }

  var truncationMessage: String { "the server closed the stream before done:true" }

  mutating func handle(_ record: ArraySlice<UInt8>, into events: inout [StreamEvent]) {
    let parsed = withContiguousBytes(record) { bytes in
      Result { () throws(JSONReader.Failure) in
        var reader = JSONReader(bytes)
        let chunk = try OllamaChunk.read(&reader)
        try reader.expectEnd()
        return chunk
      }
    }
    switch parsed {
    case .failure(let failure):
      finish(with: .error(ChatError(.malformed, failure.description)), into: &events)
    case .success(let chunk):
      if let message = chunk.error {
        finish(with: .error(ChatError(.server, message)), into: &events)
        return
      }
      if let thinking = chunk.thinking, !thinking.isEmpty { events.append(.reasoning(thinking)) }
      if let content = chunk.content, !content.isEmpty { events.append(.answer(content)) }
      if !chunk.toolCalls.isEmpty { events.append(.toolCalls(chunk.toolCalls)) }
      if chunk.done { finish(with: .done(chunk.stats), into: &events) }
    }
  }
}
