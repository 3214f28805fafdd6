/// Wraps a decoder whose answer text may hold `<think>` tags and splits that text (protocols.md §4).
///
/// Every event passes through unchanged except `.answer`, which goes through a
/// ``ThinkTagSplitter``; text it holds back is released before the terminal event. Use it for
/// servers that leave the reasoning in the content (llama.cpp `--reasoning-format none`, vLLM
/// without a reasoning parser); with servers that separate reasoning it changes nothing unless
/// the answer itself starts with a tag.
public struct ThinkTagFilter<Base: StreamDecoder>: StreamDecoder {
  private var base: Base
  private var splitter: ThinkTagSplitter

  /// - Parameters:
  ///   - opensInPrompt: the model's template opens the reasoning in the prompt (DeepSeek-R1 style).
  ///   - strayTagWindow: see ``ThinkTagSplitter/strayTagWindow``.
  public init(_ base: Base, opensInPrompt: Bool = false, strayTagWindow: Int = 4096) {
    self.base = base
    splitter = ThinkTagSplitter(opensInPrompt: opensInPrompt, strayTagWindow: strayTagWindow)
  }

  /// See ``ThinkTagSplitter/reasoningPrefixLength``.
  public var reasoningPrefixLength: Int? { splitter.reasoningPrefixLength }

  public mutating func decode(_ chunk: [UInt8]) -> [StreamEvent] {
    split(base.decode(chunk))
  }

  public mutating func finish() -> [StreamEvent] {
    let events = split(base.finish())
    // A base that keeps its contract ended with a terminal event, which flushed the splitter.
    return events.contains(where: \.isTerminal) ? events : events + splitter.finish()
  }

  private mutating func split(_ events: [StreamEvent]) -> [StreamEvent] {
    // Past the reasoning and the stray-tag window nothing is held back: the answer goes through
    // as it came, with no copy and no new array.
    guard !splitter.passesAnswerThrough, events.contains(where: Self.needsSplitter) else { return events }
    var out: [StreamEvent] = []
    out.reserveCapacity(events.count)
    for event in events {
      switch event {
      case .answer(let text):
        out += splitter.feed(text)
      case .done, .error:
        out += splitter.finish()
        out.append(event)
      case .reasoning, .toolCalls:
        out.append(event)
      }
    }
    return out
  }

  private static func needsSplitter(_ event: StreamEvent) -> Bool {
    switch event {
    case .answer, .done, .error: return true
    case .reasoning, .toolCalls: return false
    }
  }
}
