import PonderCore
import PonderTestSupport
import Testing

@Suite struct OpenAIChatDecoderTests {
  let verified = VerifiedDecoding { OpenAIChatDecoder() }

  private func done(_ reason: String?, prompt: Int? = nil, completion: Int? = nil) -> StreamEvent {
    .done(GenerationStats(doneReason: reason, promptTokens: prompt, completionTokens: completion))
  }

  // Found by scripts/fuzz sse, openai and anthropic: a comment or `event:` line longer than the
  // cap was refused while it was still arriving but accepted when it came whole in one read.
  @Test func aLineOverTheCapIsRefusedUnderEveryChunkingWhateverItsField() async {
    let bytes = Fixtures.bytes("openai/long-comment-line.sse")
    let events = await DecoderVerifier.verified(bytes, decoder: { OpenAIChatDecoder(maxEventLength: 64) })
    #expect(events == [.error(ChatError(.malformed, "an event is longer than 64 bytes"))])
  }

  // §6.2, §6.3, §6.19 (usage chunk with choices:[] after the finish chunk)
  @Test func multiByteTextUnderEveryChunkingWithUsageAfterTheFinishChunk() async {
    #expect(
      await verified("openai/plain.sse") == [
        .answer("Café in 東京 🙂🌧️ done."), done("stop", prompt: 9, completion: 5),
      ])
  }

  // §6.18
  @Test func emptyNullAndMissingContentAndEmptyChoicesAreIgnored() async {
    #expect(await verified("openai/empty-deltas.sse") == [.answer("ok"), done("stop")])
  }

  // §6.19 (usage on the finish chunk), §2.5 unknown finish_reason → stop
  @Test func usageOnTheFinishChunkAndAnUnknownFinishReason() async {
    #expect(await verified("openai/usage-on-finish.sse") == [.answer("Hi"), done("stop", prompt: 3, completion: 1)])
  }

  // §6.13
  @Test func argumentsInFortyFragmentsSplitMidKeyMidEscapeAndMidNumber() async {
    let expected = ToolCall(
      id: "call_1", name: "get_weather",
      arguments: ["location": "Zürich \"Altstadt\"", "days": 12345, "path": "C:\\tmp", "ratio": -25])
    #expect(
      await verified("openai/tool-fragments.sse") == [
        .toolCalls([expected]), done("tool_calls", prompt: 50, completion: 40),
      ])
  }

  // §6.14
  @Test func parallelCallsWithInterleavedFragments() async {
    #expect(
      await verified("openai/parallel-tools.sse") == [
        .toolCalls([
          ToolCall(id: "call_a", name: "get_weather", arguments: ["city": "Oslo"]),
          ToolCall(id: "call_b", name: "get_weather", arguments: ["city": "Bergen", "units": "C"]),
        ]),
        done("tool_calls"),
      ])
  }

  // §6.15 (no index: id-based fallback)
  @Test func deltasWithoutIndexAreKeyedById() async {
    #expect(
      await verified("openai/tool-no-index.sse") == [
        .toolCalls([
          ToolCall(id: "call_x", name: "search", arguments: ["q": "cats"]),
          ToolCall(id: "call_y", name: "clock"),
        ]),
        done("tool_calls"),
      ])
  }

  // §6.15 (llama.cpp resends id and the grown name for the same index)
  @Test func repeatedIdAndNameAreSetNotAppended() async {
    #expect(
      await verified("openai/tool-repeated-id.sse") == [
        .toolCalls([ToolCall(id: "call_z", name: "get_weather", arguments: ["city": "Oslo"])]), done("tool_calls"),
      ])
  }

  // §6.16
  @Test func emptyArgumentsAreAnEmptyObjectAndInvalidOnesAreReportedNotFatal() async throws {
    let events = await verified("openai/tool-bad-arguments.sse")
    #expect(events.count == 2)
    guard case .toolCalls(let calls)? = events.first else {
      Issue.record("expected tool calls, got \(events)")
      return
    }
    #expect(calls.count == 2)
    #expect(calls[0] == ToolCall(id: "call_e", name: "now"))
    #expect(calls[1].id == "call_i")
    #expect(calls[1].name == "get_weather")
    #expect(calls[1].arguments == .string(#"{"city":"Oslo",}"#))
    #expect(calls[1].argumentsError != nil)
    #expect(events.last == done("tool_calls"))
  }

  // §6.17, and finish_reason on the last content chunk (delta applied first)
  @Test func toolCallsWithFinishReasonStop() async {
    #expect(
      await verified("openai/tool-finish-stop.sse") == [
        .answer("Let me check."),
        .toolCalls([ToolCall(id: "call_s", name: "get_weather", arguments: ["city": "Oslo"])]),
        done("stop"),
      ])
  }

  @Test func toolCallsStillPendingAtDoneAreEmitted() async {
    let text = """
      data: {"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"c","function":{"name":"f","arguments":"{}"}}]}}]}

      data: [DONE]


      """
    let events = await DecoderVerifier.verified(Array(text.utf8), decoder: { OpenAIChatDecoder() })
    #expect(events == [.toolCalls([ToolCall(id: "c", name: "f")]), done(nil)])
  }

  // §6.20
  @Test func commentsBetweenEvents() async {
    #expect(await verified("openai/comments.sse") == [.answer("ab"), done("stop")])
  }

  // §6.21 (the verifier also splits between every CR and its LF)
  @Test func crlfLineEndings() async {
    #expect(await verified("openai/crlf.sse") == [.answer("one two"), done("stop")])
    let bytes = Fixtures.bytes("openai/crlf.sse")
    let firstCR = bytes.firstIndex(of: 0x0D) ?? 0
    var decoder = OpenAIChatDecoder()
    var events = decoder.decode(Array(bytes[...firstCR]))
    events += decoder.decode(Array(bytes[(firstCR + 1)...]))
    events += decoder.finish()
    #expect(DecoderVerifier.merged(events) == [.answer("one two"), done("stop")])
  }

  @Test func loneCRLineEndingsAndALeadingBOM() async {
    #expect(await verified("openai/bom-cr.sse") == [.answer("xy"), done("stop")])
  }

  // §6.22
  @Test func dataWithoutSpaceEventLinesAndAnEventOverTwoDataLines() async {
    #expect(await verified("openai/framing-variants.sse") == [.answer("alpha and beta"), done("stop")])
  }

  // §6.23
  @Test(arguments: ["int", "string", "null"])
  func midStreamErrorObjectWithAnyCode(code: String) async {
    #expect(
      await verified("openai/error-code-\(code).sse") == [
        .answer("part"), .error(ChatError(.server, "the model crashed")),
      ])
  }

  @Test(arguments: [
    ("openai/error-string.sse", "out of memory"),
    ("openai/error-object.sse", "bad things"),
    ("openai/error-event.sse", "upstream gone"),
    ("openai/error-openrouter.sse", "Provider returned error"),
  ])
  func otherInBandErrorShapes(fixture: String, message: String) async {
    #expect(await verified(fixture) == [.answer("part"), .error(ChatError(.server, message))])
  }

  // §6.11
  @Test func cleanEOFWithoutDoneIsTruncatedAfterTheText() async {
    let events = await verified("openai/truncated.sse")
    #expect(events.count == 2)
    #expect(events.first == .answer("partial text"))
    guard case .error(let error)? = events.last else {
      Issue.record("expected an error, got \(events)")
      return
    }
    #expect(error.kind == .truncated)
  }

  @Test func emptyBodyIsTruncated() {
    var decoder = OpenAIChatDecoder()
    let events = decoder.finish()
    guard case .error(let error)? = events.first else {
      Issue.record("expected an error, got \(events)")
      return
    }
    #expect(error.kind == .truncated)
  }

  @Test func doneWithoutTheFinalBlankLineStillCounts() async {
    #expect(await verified("openai/no-final-blank-line.sse") == [.answer("abc"), done("stop")])
  }

  // §6.25, plus refusal as answer text
  @Test func reasoningContentReasoningAndBothArePrintedOnce() async {
    #expect(
      await verified("openai/reasoning.sse") == [
        .reasoning("First, second, third."), .answer("Answer (refused part)"), done("length"),
      ])
  }

  // §6.34
  @Test func rawLineSeparatorsInsideJSONDoNotSplitTheLine() async {
    #expect(await verified("openai/u2028.sse") == [.answer("a\u{2028}bc\u{2029}d\u{85}e"), done("stop")])
  }

  @Test func capturedLlamaCppStreamUsesTheServersTimings() async throws {
    let events = await verified("captured/llama-openai.sse")
    #expect(events.count == 2)
    #expect(events.first == .answer("Awesome, nice to meet you!"))
    guard case .done(let stats)? = events.last else {
      Issue.record("expected done, got \(events)")
      return
    }
    #expect(
      stats
        == GenerationStats(
          doneReason: "stop", promptTokens: 36, completionTokens: 10, promptEvalNanoseconds: 82_527_000,
          evalNanoseconds: 51_794_000))
    let speed = try #require(stats.tokensPerSecond)
    #expect(abs(speed - 10 / 0.051794) < 0.01)
  }

  @Test func nonJSONDataIsMalformed() {
    let events = DecoderVerifier.events(
      Array("data: {\"choices\":[]}\n\ndata: nope\n\n".utf8), decoder: OpenAIChatDecoder())
    guard case .error(let error)? = events.last, events.count == 1 else {
      Issue.record("expected one error, got \(events)")
      return
    }
    #expect(error.kind == .malformed)
  }

  @Test func bytesAfterDoneAreIgnored() {
    var decoder = OpenAIChatDecoder()
    let first = decoder.decode(Array("data: [DONE]\n\n".utf8))
    #expect(first == [done(nil)])
    #expect(decoder.decode(Array("data: {\"choices\":[{\"delta\":{\"content\":\"late\"}}]}\n\n".utf8)).isEmpty)
    #expect(decoder.finish().isEmpty)
  }

  @Test func onlyTheFirstChoiceIsRead() {
    let text =
      #"data: {"choices":[{"index":1,"delta":{"content":"B"}},{"index":0,"delta":{"content":"A"}}]}"#
      + "\n\ndata: [DONE]\n\n"
    #expect(DecoderVerifier.events(Array(text.utf8), decoder: OpenAIChatDecoder()) == [.answer("A"), done(nil)])
  }

  @Test func nullErrorAndNullUsageAreNotErrors() {
    let text =
      #"data: {"error":null,"usage":null,"choices":[{"index":0,"delta":{"content":"x"},"finish_reason":null}]}"#
      + "\n\ndata: [DONE]\n\n"
    #expect(DecoderVerifier.events(Array(text.utf8), decoder: OpenAIChatDecoder()) == [.answer("x"), done(nil)])
  }

  @Test func unfinishedToolCallsAreNotEmittedWhenTheStreamIsCut() {
    let text =
      #"data: {"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"c","function":{"name":"rm","arguments":"{\"path\":\"/tm"}}]}}]}"#
      + "\n\n"
    let events = DecoderVerifier.events(Array(text.utf8), decoder: OpenAIChatDecoder())
    guard case .error(let error)? = events.first, events.count == 1 else {
      Issue.record("expected only truncation, got \(events)")
      return
    }
    #expect(error.kind == .truncated)
  }
}
