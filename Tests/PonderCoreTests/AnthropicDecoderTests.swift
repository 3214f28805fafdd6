import PonderCore
import PonderTestSupport
import Testing

@Suite struct AnthropicDecoderTests {
  let verified = VerifiedDecoding { AnthropicDecoder() }

  // §6.29
  @Test func pingsThinkingSignatureToolUseCumulativeUsageAndUnknownEvents() async {
    #expect(
      await verified("anthropic/full.sse") == [
        .reasoning("I should check the weather."),
        .answer("Checking Zürich 🙂"),
        .toolCalls([
          ToolCall(id: "toolu_01", name: "get_weather", arguments: ["city": "Oslo", "days": 12]),
          ToolCall(id: "toolu_02", name: "now"),
        ]),
        .done(GenerationStats(doneReason: "tool_use", promptTokens: 30, completionTokens: 89)),
      ])
  }

  // §6.30 (blocks still open when the next starts; all stops at the end)
  @Test func llamaCppBlocksOverlapAndStopTogether() async {
    #expect(
      await verified("anthropic/llama-open-blocks.sse") == [
        .reasoning("Hmm."),
        .answer("Sure."),
        .toolCalls([ToolCall(id: "call_abc", name: "search", arguments: ["q": "cats"])]),
        .done(GenerationStats(doneReason: "tool_use", promptTokens: 7, completionTokens: 20)),
      ])
  }

  // §6.30 (bare error shape), §6.31 (Anthropic envelope after HTTP 200)
  @Test(arguments: [
    ("anthropic/llama-error.sse", "context shift failed"),
    ("anthropic/overloaded.sse", "Overloaded"),
  ])
  func errorEventsInBothShapes(fixture: String, message: String) async {
    #expect(await verified(fixture) == [.answer("Par"), .error(ChatError(.server, message))])
  }

  @Test func errorTypeInDataWithoutAnErrorEventName() {
    let text = #"data: {"type":"error","error":{"type":"api_error","message":"boom"}}"# + "\n\n"
    #expect(
      DecoderVerifier.events(Array(text.utf8), decoder: AnthropicDecoder()) == [.error(ChatError(.server, "boom"))])
  }

  // §6.11
  @Test func eofBeforeMessageStopIsTruncated() async {
    let events = await verified("anthropic/truncated.sse")
    #expect(events.count == 2)
    #expect(events.first == .answer("partial"))
    guard case .error(let error)? = events.last else {
      Issue.record("expected an error, got \(events)")
      return
    }
    #expect(error.kind == .truncated)
  }

  @Test func invalidToolInputIsReportedAndMissingInputIsAnEmptyObject() async {
    let events = await verified("anthropic/tool-bad-input.sse")
    #expect(events.count == 2)
    guard case .toolCalls(let calls)? = events.first, calls.count == 2 else {
      Issue.record("expected two tool calls, got \(events)")
      return
    }
    #expect(calls[0].name == "get_weather")
    #expect(calls[0].arguments == .string(#"{"city": Oslo}"#))
    #expect(calls[0].argumentsError != nil)
    #expect(calls[1] == ToolCall(id: "toolu_c", name: "now"))
    #expect(events.last == .done(GenerationStats(doneReason: "tool_use", promptTokens: 25, completionTokens: 5)))
  }

  @Test func capturedLlamaCppStream() async {
    #expect(
      await verified("captured/llama-anthropic.sse") == [
        .answer("Awesome. I'm glad to help. What?"),
        .done(GenerationStats(doneReason: "end_turn", promptTokens: 7, completionTokens: 26)),
      ])
  }

  @Test func bytesAfterMessageStopAreIgnored() {
    var decoder = AnthropicDecoder()
    #expect(
      decoder.decode(Array("event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n".utf8)) == [
        .done(GenerationStats())
      ])
    #expect(decoder.decode(Array("event: ping\ndata: {\"type\":\"ping\"}\n\n".utf8)).isEmpty)
    #expect(decoder.finish().isEmpty)
  }
}
