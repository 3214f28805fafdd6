import PonderCore
import PonderTestSupport
import Testing

/// The same scripted reply in every wire format must read the same.
@Suite struct CrossProtocolTests {
  private static let ollama = """
    {"model":"m","created_at":"2025-10-01T09:12:03Z","message":{"role":"assistant","content":"","thinking":"Let me "},"done":false}
    {"model":"m","created_at":"2025-10-01T09:12:03.1Z","message":{"role":"assistant","content":"","thinking":"think."},"done":false}
    {"model":"m","created_at":"2025-10-01T09:12:03.2Z","message":{"role":"assistant","content":"Hello, "},"done":false}
    {"model":"m","created_at":"2025-10-01T09:12:03.3Z","message":{"role":"assistant","content":"world! \\ud83d\\ude42"},"done":false}
    {"model":"m","created_at":"2025-10-01T09:12:03.4Z","message":{"role":"assistant","content":""},"done":true,"done_reason":"stop","prompt_eval_count":12,"eval_count":7}

    """

  private struct Reading: Equatable {
    var reasoning = ""
    var answer = ""
    var promptTokens: Int?
    var completionTokens: Int?
    var endedWithDone = false
  }

  private func read<D: StreamDecoder>(
    _ bytes: [UInt8], _ decoder: @escaping @Sendable () -> D, sourceLocation: SourceLocation = #_sourceLocation
  ) async -> Reading {
    let events = await DecoderVerifier.verified(bytes, decoder: decoder, sourceLocation: sourceLocation)
    var reading = Reading()
    for event in events {
      switch event {
      case .reasoning(let text): reading.reasoning += text
      case .answer(let text): reading.answer += text
      case .done(let stats):
        reading.endedWithDone = true
        reading.promptTokens = stats.promptTokens
        reading.completionTokens = stats.completionTokens
      case .toolCalls, .error: Issue.record("unexpected \(event)", sourceLocation: sourceLocation)
      }
    }
    return reading
  }

  @Test func everyProtocolReadsTheSameReply() async {
    let expected = Reading(
      reasoning: "Let me think.", answer: "Hello, world! 🙂", promptTokens: 12, completionTokens: 7, endedWithDone: true)
    #expect(await read(Array(Self.ollama.utf8), { OllamaChatDecoder() }) == expected)
    #expect(await read(Fixtures.bytes("openai/hello-reasoning.sse"), { OpenAIChatDecoder() }) == expected)
    let tags = Fixtures.bytes("think/hello-think-tags.sse")
    #expect(await read(tags, { ThinkTagFilter(OpenAIChatDecoder()) }) == expected)
    #expect(await read(Fixtures.bytes("anthropic/hello-thinking.sse"), { AnthropicDecoder() }) == expected)
  }

  @Test func theFilterChangesNothingForServersThatSeparateReasoning() async {
    let plain = await read(Fixtures.bytes("openai/hello-reasoning.sse"), { OpenAIChatDecoder() })
    #expect(await read(Fixtures.bytes("openai/hello-reasoning.sse"), { ThinkTagFilter(OpenAIChatDecoder()) }) == plain)
    #expect(
      await read(Fixtures.bytes("anthropic/hello-thinking.sse"), { ThinkTagFilter(AnthropicDecoder()) })
        == read(Fixtures.bytes("anthropic/hello-thinking.sse"), { AnthropicDecoder() }))
  }
}
