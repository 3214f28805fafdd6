import PonderCore
import PonderTestSupport
import Testing

@Suite struct ThinkTagSplitterTests {
  /// Runs the splitter over `fragments`, plus every two-way split of their concatenation, and
  /// requires the same merged events each time.
  private func split(
    _ fragments: [String], opensInPrompt: Bool = false, window: Int = 4096,
    sourceLocation: SourceLocation = #_sourceLocation
  ) -> (events: [StreamEvent], prefix: Int?) {
    func run(_ parts: [String]) -> ([StreamEvent], Int?) {
      var splitter = ThinkTagSplitter(opensInPrompt: opensInPrompt, strayTagWindow: window)
      var events: [StreamEvent] = []
      for part in parts { events += splitter.feed(part) }
      events += splitter.finish()
      return (DecoderVerifier.merged(events), splitter.reasoningPrefixLength)
    }
    let reference = run(fragments)
    let whole = fragments.joined()
    let characters = Array(whole)
    for index in 0...characters.count {
      let parts = [String(characters[..<index]), String(characters[index...])]
      let result = run(parts)
      #expect(result.0 == reference.0 && result.1 == reference.1, "split at \(index)", sourceLocation: sourceLocation)
      if result.0 != reference.0 || result.1 != reference.1 { break }
    }
    #expect(run(characters.map { String($0) }).0 == reference.0, sourceLocation: sourceLocation)
    return reference
  }

  private func filtered(
    _ fixture: String, opensInPrompt: Bool = false, sourceLocation: SourceLocation = #_sourceLocation
  ) async -> [StreamEvent] {
    await DecoderVerifier.verified(
      Fixtures.bytes(fixture), decoder: { ThinkTagFilter(OpenAIChatDecoder(), opensInPrompt: opensInPrompt) },
      sourceLocation: sourceLocation)
  }

  private let stop = StreamEvent.done(GenerationStats(doneReason: "stop"))

  // §6.26
  @Test func tagsSplitAcrossReads() async {
    #expect(
      await filtered("think/split-tags.sse") == [.reasoning("Reasoning < here."), .answer("Answer <b>bold</b>"), stop])
  }

  // §6.27 with the model configured as opening the tag in its prompt
  @Test func deepSeekR1WithoutOpeningTagWhenConfigured() async {
    #expect(
      await filtered("think/r1-no-open.sse", opensInPrompt: true) == [
        .reasoning("Okay, the user wants 2+2."), .answer("The answer is 4."), stop,
      ])
  }

  // §6.27 without configuration: the stray tag is removed and the reasoning prefix reported
  @Test func deepSeekR1WithoutOpeningTagUnconfigured() async {
    #expect(await filtered("think/r1-no-open.sse") == [.answer("Okay, the user wants 2+2.\nThe answer is 4."), stop])
    let result = split(["Okay, the user ", "wants 2+2.\n</th", "ink>\n\n", "The answer is 4."])
    #expect(result.events == [.answer("Okay, the user wants 2+2.\nThe answer is 4.")])
    #expect(result.prefix == "Okay, the user wants 2+2.\n".utf8.count)
  }

  // §6.28 (unterminated at EOF with finish_reason length: held bytes stay reasoning)
  @Test func unterminatedReasoningIsFlushedBeforeDone() async {
    #expect(
      await filtered("think/unterminated.sse") == [
        .reasoning("Still thinking about it\n</thi"), .done(GenerationStats(doneReason: "length")),
      ])
  }

  // §6.28 (a literal <think> later in the answer is text)
  @Test func literalTagsLaterInTheAnswerAreText() async {
    #expect(
      await filtered("think/literal-later.sse") == [
        .reasoning("R"), .answer("Use tags:\n```\n<think>x</think>\n```"), stop,
      ])
  }

  @Test func untaggedAnswerIsUnchangedByteForByte() {
    let text = "  \n<b>Hi</b> <th> <thinker> </thin> a<think>b"
    let result = split([text])
    #expect(result.events == [.answer(text)])
    #expect(result.prefix == nil)
  }

  @Test func tagsWrittenAboutInAnUntaggedAnswerAreNotMistakenForReasoning() {
    let result = split(["Example: <think>x</think> and ", "</think> too"])
    #expect(result.events == [.answer("Example: <think>x</think> and </think> too")])
    #expect(result.prefix == nil)
  }

  @Test func thinkingSpellingAndWhitespaceAroundTags() {
    let result = split(["\n\n<thinking>\n  Step one.\n\nStep two.  \n</thinking>\n\n  Done."])
    #expect(result.events == [.reasoning("Step one.\n\nStep two."), .answer("Done.")])
  }

  @Test func emptyReasoningBlock() {
    #expect(split(["<think>\n\n</think>\n\nHi"]).events == [.answer("Hi")])
  }

  @Test func openingTagAfterAnswerStartedIsText() {
    #expect(split(["Hi <think>x</think>"]).events == [.answer("Hi <think>x</think>")])
  }

  @Test func opensInPromptStillAcceptsAnExplicitOpeningTag() {
    let result = split(["<think>\nA</think>B"], opensInPrompt: true)
    #expect(result.events == [.reasoning("A"), .answer("B")])
  }

  @Test func strayClosingTagPastTheWindowIsText() {
    let result = split(["0123456789", "</think>x"], window: 8)
    #expect(result.events == [.answer("0123456789</think>x")])
    #expect(result.prefix == nil)
  }

  @Test func heldTagPrefixIsFlushedAtTheEnd() {
    #expect(split(["  <thin"]).events == [.answer("  <thin")])
    #expect(split(["<think>abc </thi"]).events == [.reasoning("abc </thi")])
    #expect(split(["ok </thi"]).events == [.answer("ok </thi")])
    #expect(split(["\n"], opensInPrompt: true).events.isEmpty)
  }

  @Test func filterPassesOtherEventsAndFlushesBeforeErrors() async {
    let text = #"data: {"choices":[{"delta":{"reasoning_content":"r","content":"<think>x</th"}}]}"# + "\n\n"
    let events = await DecoderVerifier.verified(Array(text.utf8), decoder: { ThinkTagFilter(OpenAIChatDecoder()) })
    #expect(events.count == 2)
    #expect(events.first == .reasoning("rx</th"))
    guard case .error(let error)? = events.last else {
      Issue.record("expected truncation, got \(events)")
      return
    }
    #expect(error.kind == .truncated)
  }

  @Test func filterReportsTheStrayPrefix() {
    var filter = ThinkTagFilter(OpenAIChatDecoder())
    let text = #"data: {"choices":[{"delta":{"content":"abc</think>def"}}]}"# + "\n\ndata: [DONE]\n\n"
    let events = filter.decode(Array(text.utf8)) + filter.finish()
    #expect(DecoderVerifier.merged(events) == [.answer("abcdef"), .done(GenerationStats())])
    #expect(filter.reasoningPrefixLength == 3)
  }

  @Test func pastTheWindowAnswerTextPassesThroughUntouched() {
    var splitter = ThinkTagSplitter(strayTagWindow: 8)
    #expect(!splitter.passesAnswerThrough)
    #expect(
      DecoderVerifier.merged(splitter.feed("an answer longer than the window")) == [
        .answer("an answer longer than the window")
      ])
    #expect(splitter.passesAnswerThrough)
    #expect(splitter.feed(" </think> <think>") == [.answer(" </think> <think>")])
    #expect(splitter.finish().isEmpty)
  }

  @Test func ollamaAnswersSkipTheSplitterUnlessAsked() {
    #expect(ChatBackend(kind: .ollama, host: nil).makeDecoder() is OllamaChatDecoder)
    #expect(
      ChatBackend(kind: .ollama, host: nil, thinkTags: .always).makeDecoder() is ThinkTagFilter<OllamaChatDecoder>)
    #expect(ChatBackend(kind: .openai, host: nil).makeDecoder() is ThinkTagFilter<OpenAIChatDecoder>)
    #expect(ChatBackend(kind: .anthropic, host: nil, thinkTags: .never).makeDecoder() is AnthropicDecoder)
  }
}
