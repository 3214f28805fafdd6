import PonderCore
import PonderTestSupport
import Testing

@Suite struct OllamaChatDecoderTests {
  let verified = VerifiedDecoding(fixtures: "ollama") { OllamaChatDecoder() }

  @Test func thinkingModelSplitsReasoningAndAnswerUnderEveryChunking() async {
    let events = await verified("thinking.ndjson")
    #expect(
      events == [
        .reasoning("The user asks about café weather in 東京 🙂, compare <think> tags & a\u{2028}b\nDone."),
        .answer("It is 7°C in Tōkyō — “light rain” 🌧️."),
        .done(
          GenerationStats(
            doneReason: "stop", promptTokens: 26, completionTokens: 282, promptEvalNanoseconds: 342_546_000,
            evalNanoseconds: 4_535_599_000, loadNanoseconds: 1_334_875, totalNanoseconds: 4_883_583_458)),
      ])
  }

  @Test func doneLineCarriesTheLastFragment() {
    let events = DecoderVerifier.events(Fixtures.bytes("ollama/thinking.ndjson"), decoder: OllamaChatDecoder())
    guard case .answer(let text) = events[1] else {
      Issue.record("expected the answer second")
      return
    }
    #expect(text.hasSuffix("🌧️."))
  }

  // Found by scripts/fuzz ollama: a count or duration beyond Int64 trapped the conversion.
  @Test func numbersOutOfRangeReadAsAbsentInsteadOfCrashing() async {
    #expect(
      await verified("out-of-range-numbers.ndjson") == [
        .answer("Hi"), .done(GenerationStats(doneReason: "stop", completionTokens: 12)),
      ])
  }

  // Found by scripts/fuzz ndjson and pull: a record exactly at the cap, ending in CRLF, was refused
  // when a read ended between its CR and LF (the CR was counted) and accepted otherwise.
  @Test func aRecordAtTheCapEndingInCRLFIsAcceptedUnderEveryChunking() async {
    let bytes = Fixtures.bytes("ollama/crlf-at-cap.ndjson")
    let cap = bytes.firstIndex(of: 0x0D)!
    let events = await DecoderVerifier.verified(bytes, decoder: { OllamaChatDecoder(maxRecordLength: cap) })
    #expect(events == [.answer("Hi!"), .done(GenerationStats())])
  }

  @Test func omittedMetricsDecodeAsAbsent() async throws {
    let events = await verified("plain-answer.ndjson")
    #expect(events.count == 2)
    #expect(events[0] == .answer("Hello, world"))
    let done = try #require(events.last)
    guard case .done(let stats) = done else {
      Issue.record("expected done, got \(done)")
      return
    }
    #expect(stats.doneReason == "length")
    #expect(stats.promptTokens == nil)
    #expect(stats.loadNanoseconds == nil)
    #expect(stats.tokensPerSecond == 4)
  }

  @Test func errorLineAfterTenLinesKeepsTheTextAndReportsTheError() async {
    let events = await verified("error-midstream.ndjson")
    let text = (0..<10).map { "part\($0) " }.joined()
    #expect(
      events == [
        .answer(text),
        .error(ChatError(.server, "an error was encountered while running the model: unexpected EOF")),
      ])
  }

  @Test func cleanEndWithoutDoneIsTruncated() async {
    let events = await verified("truncated.ndjson")
    #expect(events.count == 3)
    #expect(events[0] == .reasoning("hmm"))
    #expect(events[1] == .answer("partial ans"))
    guard case .error(let error) = events[2] else {
      Issue.record("expected an error")
      return
    }
    #expect(error.kind == .truncated)
  }

  @Test func toolCallsAppendAcrossLines() async {
    let events = await verified("tool-calls.ndjson")
    #expect(events.count == 5)
    #expect(events[0] == .reasoning("I need weather for two cities."))
    #expect(events[1] == .answer("Checking."))
    #expect(
      events[2]
        == .toolCalls([
          ToolCall(id: "call_k3j2x9ab", name: "get_weather", arguments: ["city": "Oslo"]),
          ToolCall(id: "call_z8y7x6wv", name: "get_weather", arguments: ["city": "Bergen", "units": ["temp": "C"]]),
        ]))
    #expect(events[3] == .toolCalls([ToolCall(name: "current_time", arguments: .emptyObject)]))
    guard case .done(let stats) = events[4] else {
      Issue.record("expected done")
      return
    }
    #expect(stats.doneReason == "stop")
  }

  @Test func lastRecordWithoutNewlineCRLFAndBlankLines() async {
    let events = await verified("no-trailing-newline.ndjson")
    #expect(events == [.answer("abc"), .done(GenerationStats(doneReason: "stop"))])
  }

  @Test func nonJSONRecordIsMalformed() async {
    let events = await verified("malformed.ndjson")
    #expect(events.count == 2)
    #expect(events[0] == .answer("ok"))
    guard case .error(let error) = events[1] else {
      Issue.record("expected an error")
      return
    }
    #expect(error.kind == .malformed)
  }

  @Test func errorBodyWithoutNewlineIsAnInBandError() {
    let events = DecoderVerifier.events(
      Array(#"{"error":"model 'nope' not found"}"#.utf8), decoder: OllamaChatDecoder())
    #expect(events == [.error(ChatError(.server, "model 'nope' not found"))])
  }

  @Test func bytesAfterDoneAreIgnored() {
    var decoder = OllamaChatDecoder()
    let first = decoder.decode(Array(#"{"message":{"content":"x"},"done":true}"#.utf8 + [10]))
    #expect(first == [.answer("x"), .done(GenerationStats())])
    #expect(decoder.decode(Array(#"{"message":{"content":"late"}}"#.utf8 + [10])).isEmpty)
    #expect(decoder.finish().isEmpty)
  }

  @Test func oversizedRecordIsRejectedNotBuffered() {
    var decoder = OllamaChatDecoder(maxRecordLength: 64)
    let events = decoder.decode([UInt8](repeating: UInt8(ascii: "a"), count: 100))
    guard case .error(let error)? = events.first else {
      Issue.record("expected an error, got \(events)")
      return
    }
    #expect(error.kind == .malformed)
  }
}
