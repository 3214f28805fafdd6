/// Decodes an OpenAI-compatible Chat Completions SSE stream (protocols.md §2, §1.8, §2.7).
///
/// Serves llama.cpp, vLLM, Ollama's `/v1`, OpenRouter and OpenAI itself. Per chunk: an in-band
/// error (`error` key, `"object":"error"`, or an `event: error` event) ends the stream; otherwise
/// reasoning (`reasoning_content ?? reasoning`), then `content`, then `refusal` become events, and
/// tool-call fragments are collected until the choice finishes, then emitted as one `.toolCalls`.
/// `usage` may ride on any chunk (last wins); llama.cpp `timings` give the server's own speed.
/// Only `data: [DONE]` ends the stream normally; EOF before it is `truncated`.
public struct OpenAIChatDecoder: StreamDecoder, FramedStreamDecoder {
  var framer: SSEFramer
  var finished = false
  private var toolCalls = ToolCallAccumulator()
  private var finishReason: String?
  private var usage = OpenAIChunk.Usage()
  private var timings: OpenAIChunk.LlamaTimings?

  /// The `finish_reason` values passed on as they are; anything else is reported as `stop`.
  public static let knownFinishReasons: Set<String> = [
    "stop", "length", "tool_calls", "content_filter", "function_call",
  ]

  public init(maxEventLength: Int = 8 << 20) {
    framer = SSEFramer(maxEventLength: maxEventLength)
  }

  public mutating func decode(_ chunk: [UInt8]) -> [StreamEvent] { decodeFrames(chunk) }

  public mutating func finish() -> [StreamEvent] { finishFrames() }

  var truncationMessage: String { "the server closed the stream before data: [DONE]" }

  mutating func handle(_ event: SSEEvent, into events: inout [StreamEvent]) {
    if event.type == "error" {
      let message = ErrorBody.message(from: event.data) ?? "the server reported an error"
      return finish(with: .error(ChatError(.server, message)), into: &events)
    }
    if event.dataIs("[DONE]") {
      flushToolCalls(into: &events)
      return finish(with: .done(stats), into: &events)
    }
    let parsed = withContiguousBytes(event.data) { bytes in
      Result { () throws(JSONReader.Failure) in
        var reader = JSONReader(bytes)
        let chunk = try OpenAIChunk.read(&reader)
        try reader.expectEnd()
        return chunk
      }
    }
    switch parsed {
    case .failure(let failure):
      finish(with: .error(ChatError(.malformed, failure.description)), into: &events)
    case .success(let chunk):
      apply(chunk, into: &events)
    }
  }

  private mutating func apply(_ chunk: OpenAIChunk, into events: inout [StreamEvent]) {
    if let message = chunk.errorMessage {
      return finish(with: .error(ChatError(.server, message)), into: &events)
    }
    if let reasoning = chunk.reasoning { events.append(.reasoning(reasoning)) }
    if let content = chunk.content { events.append(.answer(content)) }
    if let refusal = chunk.refusal { events.append(.answer(refusal)) }
    for delta in chunk.toolCalls { toolCalls.apply(delta) }
    if let usage = chunk.usage { self.usage = usage }
    if let timings = chunk.timings { self.timings = timings }
    if let reason = chunk.finishReason {
      finishReason = Self.knownFinishReasons.contains(reason) ? reason : "stop"
      flushToolCalls(into: &events)
    }
  }

  private mutating func flushToolCalls(into events: inout [StreamEvent]) {
    guard !toolCalls.isEmpty else { return }
    let calls = toolCalls.flush()
    if !calls.isEmpty { events.append(.toolCalls(calls)) }
  }

  /// llama.cpp's `timings` win over `usage` when present: their counts pair with their durations.
  private var stats: GenerationStats {
    GenerationStats(
      doneReason: finishReason,
      promptTokens: timings?.promptCount ?? usage.promptTokens,
      completionTokens: timings?.predictedCount ?? usage.completionTokens,
      promptEvalNanoseconds: nanoseconds(fromMilliseconds: timings?.promptMilliseconds),
      evalNanoseconds: nanoseconds(fromMilliseconds: timings?.predictedMilliseconds))
  }
}
