/// Decodes an Anthropic Messages SSE stream (protocols.md §3), from Anthropic, llama.cpp or Ollama.
///
/// Content blocks are keyed by `index` and several may be open at once (llama.cpp stops them all
/// at the end). `text_delta` is answer, `thinking_delta` reasoning; signatures are not shown.
/// A `tool_use` block's `partial_json` pieces are parsed at its `content_block_stop`; the calls
/// are emitted together when `message_delta` brings a `stop_reason`, or at `message_stop`.
/// Usage in `message_delta` is cumulative (replaced, not added). `error` events in the Anthropic
/// envelope or llama.cpp's bare shape end the stream; `ping` and unknown events are ignored.
/// Only `message_stop` ends the stream normally; EOF before it is `truncated`.
public struct AnthropicDecoder: StreamDecoder, FramedStreamDecoder {
  /// An open content block; only tool_use blocks keep state (their arguments so far).
  private struct Block: Sendable {
    enum Kind: Sendable { case text, thinking, toolUse, other }
    var kind: Kind
    var id: String?
    var name = ""
    var json = ""
    /// A non-empty `input` given in `content_block_start` (used when no `partial_json` follows).
    var startInput: JSONValue?
  }

  var framer: SSEFramer
  var finished = false
  private var blocks: [Int: Block] = [:]
  /// Tool calls whose block has stopped, waiting for the end of the message.
  private var readyCalls: [(index: Int, call: ToolCall)] = []
  private var stats = GenerationStats()

  /// Event names this decoder acts on; data that is not JSON is malformed only for these.
  private static let knownEvents: Set<String> = [
    "message_start", "content_block_start", "content_block_delta", "content_block_stop", "message_delta",
    "message_stop",
  ]

  public init(maxEventLength: Int = 8 << 20) {
    framer = SSEFramer(maxEventLength: maxEventLength)
  }

  public mutating func decode(_ chunk: [UInt8]) -> [StreamEvent] { decodeFrames(chunk) }

  public mutating func finish() -> [StreamEvent] { finishFrames() }

  var truncationMessage: String { "the server closed the stream before message_stop" }

  mutating func handle(_ sse: SSEEvent, into events: inout [StreamEvent]) {
    if sse.type == "error" {
      let message = ErrorBody.message(from: sse.data) ?? "the server reported an error"
      return finish(with: .error(ChatError(.server, message)), into: &events)
    }
    let parsed = JSONReader.readWhole(sse.data) { reader throws(JSONReader.Failure) in try AnthropicEvent.read(&reader)
    }
    switch parsed {
    case .failure(let failure):
      if Self.knownEvents.contains(sse.type) {
        finish(with: .error(ChatError(.malformed, failure.description)), into: &events)
      }
    case .success(let event):
      apply(event, type: event.type ?? sse.type, into: &events)
    }
  }

  private mutating func apply(_ event: AnthropicEvent, type: String, into events: inout [StreamEvent]) {
    if type == "error" || event.error != nil {
      var json: [JSONMember] = []
      if let error = event.error { json.append(JSONMember("error", error)) }
      if let message = event.message { json.append(JSONMember("message", message)) }
      let message = ErrorBody.message(in: .object(json)) ?? "the server reported an error"
      return finish(with: .error(ChatError(.server, message)), into: &events)
    }
    switch type {
    case "message_start":
      if let input = event.message?["usage"]?["input_tokens"]?.intValue { stats.promptTokens = input }
    case "content_block_start":
      startBlock(event, into: &events)
    case "content_block_delta":
      applyDelta(event, into: &events)
    case "content_block_stop":
      if let index = event.index { stopBlock(index) }
    case "message_delta":
      if let input = event.inputTokens { stats.promptTokens = input }
      if let output = event.outputTokens { stats.completionTokens = output }
      if let reason = event.delta.stopReason {
        stats.doneReason = reason
        flushToolCalls(into: &events)
      }
    case "message_stop":
      flushToolCalls(into: &events)
      finish(with: .done(stats), into: &events)
    default:
      break  // ping, and event types newer than this decoder
    }
  }

  private mutating func startBlock(_ event: AnthropicEvent, into events: inout [StreamEvent]) {
    guard let index = event.index, let block = event.contentBlock else { return }
    switch block["type"]?.stringValue {
    case "text":
      blocks[index] = Block(kind: .text)
      if let text = block["text"]?.nonEmptyString { events.append(.answer(text)) }
    case "thinking":
      blocks[index] = Block(kind: .thinking)
      if let thinking = block["thinking"]?.nonEmptyString { events.append(.reasoning(thinking)) }
    case "tool_use":
      var input: JSONValue?
      if let given = block["input"], given.objectMembers?.isEmpty == false { input = given }
      blocks[index] = Block(
        kind: .toolUse, id: block["id"]?.nonEmptyString, name: block["name"]?.stringValue ?? "", startInput: input)
    default:
      blocks[index] = Block(kind: .other)
    }
  }

  private mutating func applyDelta(_ event: AnthropicEvent, into events: inout [StreamEvent]) {
    switch event.delta.type {
    case "text_delta":
      if let text = nonEmpty(event.delta.text) { events.append(.answer(text)) }
    case "thinking_delta":
      if let thinking = nonEmpty(event.delta.thinking) { events.append(.reasoning(thinking)) }
    case "input_json_delta":
      guard let index = event.index, let piece = event.delta.partialJSON, blocks[index]?.kind == .toolUse else {
        return
      }
      blocks[index]?.json += piece
    default:
      break  // signature_delta (kept by Anthropic for the follow-up turn, never shown) and newer kinds
    }
  }

  /// A stopped tool_use block becomes a call; its arguments are parsed here, once.
  private mutating func stopBlock(_ index: Int) {
    guard let block = blocks.removeValue(forKey: index), block.kind == .toolUse, !block.name.isEmpty else { return }
    let call: ToolCall
    if block.json.trimmingWhitespace().isEmpty, let startInput = block.startInput {
      call = ToolCall(id: block.id, name: block.name, arguments: startInput)
    } else {
      call = ToolArguments.toolCall(id: block.id, name: block.name, rawArguments: block.json)
    }
    readyCalls.append((index, call))
  }

  /// Emits every finished call, closing tool_use blocks a server left open, in block order.
  private mutating func flushToolCalls(into events: inout [StreamEvent]) {
    for index in blocks.keys.sorted() { stopBlock(index) }
    guard !readyCalls.isEmpty else { return }
    events.append(.toolCalls(readyCalls.sorted { $0.index < $1.index }.map(\.call)))
    readyCalls.removeAll()
  }
}
