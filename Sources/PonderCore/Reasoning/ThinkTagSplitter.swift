/// Splits answer text that carries in-band reasoning tags into reasoning and answer (protocols.md §4).
///
/// Needed when a server leaves `<think>…</think>` (or `<thinking>…</thinking>`) inside the answer:
/// llama.cpp with `--reasoning-format none`, vLLM without a reasoning parser, some gateways.
/// A streaming state machine over decoded text, fed one fragment at a time:
/// - `start`: an opening tag, after optional whitespace, switches to reasoning (the tag and the
///   whitespace after it are dropped). A proper prefix of a tag (`<`, `<th`, `<think`) is held
///   back until the next fragment decides. Anything else is the answer — or, with
///   ``opensInPrompt``, reasoning (DeepSeek-R1 and its distills, QwQ, Qwen3 Thinking-2507: their
///   template opens the tag in the prompt, so the output has only the closing one).
/// - reasoning: text up to the closing tag; a tail that could start the closing tag, and the
///   whitespace before it, are held back, so the reasoning never ends with the tag's first bytes
///   or the newline before it. After the closing tag, whitespace is dropped and the answer starts.
/// - answer: passed through. Reasoning is never entered again: a later `<think>` (in a code block,
///   say) is text.
///
/// A closing tag with no opening one, within the first ``strayTagWindow`` bytes of an answer that
/// began without a tag (and before any opening tag inside it, which means the model is writing
/// about tags), means the model reasoned without the opening tag and ``opensInPrompt`` was not
/// set. The text before it has already gone out as answer and a terminal cannot unprint, so the
/// tag (and the whitespace after it) is removed and ``reasoningPrefixLength`` records how many
/// answer bytes were really reasoning, for a consumer that can restyle them. Inside the window
/// the only answer text held back is a possible tag at the end of a fragment (a few bytes).
/// At the end, held-back bytes go to the channel they were in.
public struct ThinkTagSplitter: Sendable {
  private enum Phase: Sendable { case start, reasoning, answer }

  /// Treat the reply as starting inside the reasoning (the prompt opened the tag).
  public let opensInPrompt: Bool
  /// How far into an untagged answer a stray closing tag is still recognised, in UTF-8 bytes.
  public let strayTagWindow: Int
  /// Set when a stray closing tag was removed: the first this-many UTF-8 bytes of the answer
  /// were reasoning the model wrote without an opening tag.
  public private(set) var reasoningPrefixLength: Int?

  private var phase = Phase.start
  private var held: [UInt8] = []
  /// The closing tags that end the current reasoning.
  private var closers: [[UInt8]] = Self.closingTags
  private var dropWhitespace = false
  /// Whether a stray closing tag is still looked for in the answer.
  private var watchingForStrayTag = false
  /// Answer bytes emitted so far while watching for a stray closing tag.
  private var answerBytes = 0

  private static let openingTags: [(open: [UInt8], close: [UInt8])] = [
    (Array("<think>".utf8), Array("</think>".utf8)),
    (Array("<thinking>".utf8), Array("</thinking>".utf8)),
  ]
  private static let closingTags = openingTags.map(\.close)
  /// What an untagged answer is watched for: closing tags first, then opening ones.
  private static let watchedTags = closingTags + openingTags.map(\.open)

  public init(opensInPrompt: Bool = false, strayTagWindow: Int = 4096) {
    self.opensInPrompt = opensInPrompt
    self.strayTagWindow = strayTagWindow
  }

  /// Whether answer text now passes through untouched: past the reasoning and the stray-tag
  /// window, with nothing held back. The rest of the response costs no copy.
  public var passesAnswerThrough: Bool {
    phase == .answer && !watchingForStrayTag && !dropWhitespace && held.isEmpty
  }

  /// Splits one fragment of answer text; returns only `.reasoning` and `.answer` events.
  public mutating func feed(_ text: String) -> [StreamEvent] {
    if passesAnswerThrough { return [.answer(text)] }
    held.append(contentsOf: text.utf8)
    var out: [StreamEvent] = []
    while step(into: &out) {}
    return out
  }

  /// The end of the text: whatever is held back goes to the current channel.
  public mutating func finish() -> [StreamEvent] {
    defer { held.removeAll() }
    switch phase {
    case .start:
      if opensInPrompt {
        let rest = held.drop(while: Self.isWhitespace)
        return rest.isEmpty ? [] : [.reasoning(Self.text(rest))]
      }
      return held.isEmpty ? [] : [.answer(Self.text(held[...]))]
    case .reasoning:
      return held.isEmpty ? [] : [.reasoning(Self.text(held[...]))]
    case .answer:
      return held.isEmpty ? [] : [.answer(Self.text(held[...]))]
    }
  }

  // MARK: - States

  /// Makes progress on `held`; `false` when more text is needed.
  private mutating func step(into out: inout [StreamEvent]) -> Bool {
    if dropWhitespace {
      let count = held.prefix(while: Self.isWhitespace).count
      held.removeFirst(count)
      if held.isEmpty { return false }
      dropWhitespace = false
    }
    switch phase {
    case .start: return decideStart()
    case .reasoning: return stepReasoning(into: &out)
    case .answer: return stepAnswer(into: &out)
    }
  }

  private mutating func decideStart() -> Bool {
    let rest = held.drop(while: Self.isWhitespace)
    if rest.isEmpty { return false }
    for tag in Self.openingTags {
      if rest.starts(with: tag.open) {
        held.removeFirst(held.count - rest.count + tag.open.count)
        closers = [tag.close]
        phase = .reasoning
        dropWhitespace = true
        return true
      }
      if rest.count < tag.open.count, tag.open.starts(with: rest) { return false }
    }
    if opensInPrompt {
      closers = Self.closingTags
      phase = .reasoning
      dropWhitespace = true
    } else {
      phase = .answer
      watchingForStrayTag = strayTagWindow > 0
    }
    return true
  }

  private mutating func stepReasoning(into out: inout [StreamEvent]) -> Bool {
    if let match = Self.firstMatch(of: closers, in: held) {
      let reasoning = held[..<match.position].reversed().drop(while: Self.isWhitespace).count
      if reasoning > 0 { out.append(.reasoning(Self.text(held[..<reasoning]))) }
      held.removeFirst(match.position + match.length)
      phase = .answer
      dropWhitespace = true
      return true
    }
    var cut = Self.partialTagStart(of: closers, in: held) ?? held.count
    while cut > 0, Self.isWhitespace(held[cut - 1]) { cut -= 1 }
    if cut > 0 {
      out.append(.reasoning(Self.text(held[..<cut])))
      held.removeFirst(cut)
    }
    return false
  }

  private mutating func stepAnswer(into out: inout [StreamEvent]) -> Bool {
    guard watchingForStrayTag else {
      out.append(.answer(Self.text(held[...])))
      held.removeAll(keepingCapacity: true)
      return false
    }
    let window = strayTagWindow - answerBytes
    if let match = Self.firstMatch(of: Self.watchedTags, in: held), match.position < window {
      watchingForStrayTag = false
      if match.tag >= Self.closingTags.count {
        // An opening tag inside the answer: the model is writing about tags, so a closing tag
        // after it is text too.
        return true
      }
      if match.position > 0 { out.append(.answer(Self.text(held[..<match.position]))) }
      reasoningPrefixLength = answerBytes + match.position
      held.removeFirst(match.position + match.length)
      dropWhitespace = true
      return true
    }
    var cut = held.count
    if let partial = Self.partialTagStart(of: Self.watchedTags, in: held), partial < window { cut = partial }
    if cut > 0 {
      out.append(.answer(Self.text(held[..<cut])))
      held.removeFirst(cut)
      answerBytes += cut
    }
    if answerBytes >= strayTagWindow {
      watchingForStrayTag = false
      return !held.isEmpty
    }
    return false
  }

  // MARK: - Matching

  /// The earliest complete occurrence of any of `tags` (which all start with `<`).
  private static func firstMatch(of tags: [[UInt8]], in bytes: [UInt8]) -> (position: Int, length: Int, tag: Int)? {
    guard let first = tags.first?.first else { return nil }
    var index = 0
    while let found = bytes[index...].firstIndex(of: first) {
      for (number, tag) in tags.enumerated() where bytes[found...].starts(with: tag) {
        return (found, tag.count, number)
      }
      index = found + 1
    }
    return nil
  }

  /// Where a tail of `bytes` that is a proper prefix of one of `tags` begins, if there is one.
  private static func partialTagStart(of tags: [[UInt8]], in bytes: [UInt8]) -> Int? {
    guard let first = tags.first?.first else { return nil }
    let longest = tags.map(\.count).max() ?? 0
    var index = Swift.max(0, bytes.count - longest + 1)
    while let found = bytes[index...].firstIndex(of: first) {
      let tail = bytes[found...]
      if tags.contains(where: { $0.count > tail.count && $0.starts(with: tail) }) { return found }
      index = found + 1
    }
    return nil
  }

  private static func isWhitespace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
  }

  /// Cuts are always next to ASCII bytes (tags, whitespace), so slices hold whole characters.
  private static func text(_ bytes: ArraySlice<UInt8>) -> String {
    String(decoding: bytes, as: UTF8.self)
  }
}
