import PonderCore

/// The deterministic text a scripted model "generates" for a prompt, split into tokens.
public struct ScriptedTurn: Sendable {
  public var reasoningTokens: [String]
  public var answerTokens: [String]

  public init(prompt: String, thinks: Bool, long: Bool = false) {
    let subject = prompt.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
    let reasoning = """
      The user asks: "\(subject.prefix(60))". Let me think about what a good answer needs. \
      First, restate the question in my own words. Then check the facts I am sure of, \
      and note what I am unsure of. A short answer with one example is best here.
      """
    var answer = """
      ## Answer

      Here is a **short** answer to your question, with a list:

      - first point, about café prices in 東京
      - second point 🙂

      ```swift
      let greeting = "hello"
      print(greeting)
      ```

      That is all.
      """
    if prompt.contains("escape") { answer += " Bell\u{07} and \u{1B}[31mred\u{1B}[0m and \u{1B}]52;c;aGk=\u{07} end." }
    if prompt.contains("graphemes") {
      answer += " Clusters: [👍🏽] [👩‍💻] [👨‍👩‍👧] [❤️] [🇫🇷] [e\u{301}\u{302}] [1️⃣] end."
    }
    if long { answer += Self.longText(words: 2000) }
    reasoningTokens = thinks ? Self.tokens(reasoning) : []
    answerTokens = Self.tokens(answer)
  }

  /// The `bench:R+A` streams (see ``ScriptedOllama``); `nil` for other prompts.
  public static func bench(prompt: String, thinks: Bool) -> ScriptedTurn? {
    guard let range = prompt.range(of: "bench:") else { return nil }
    let spec = prompt[range.upperBound...].prefix { !$0.isWhitespace }
    let parts = spec.split(separator: ":")
    let counts = (parts.first ?? "").split(separator: "+").compactMap { Int($0) }
    guard counts.count == 2 else { return nil }
    let repeating = parts.dropFirst().contains("repeat")
    func numbered(_ prefix: String, _ count: Int) -> [String] {
      (0..<count).map { index in (index > 0 && index % 70 == 0 ? "\n\n" : " ") + prefix + String(index, radix: 36) }
    }
    var turn = ScriptedTurn(prompt: "", thinks: false)
    turn.reasoningTokens = thinks ? numbered("r", counts[0]) : []
    if repeating {
      let line = ["| light", " |", " scatters", " |", " more", " |", "\n"]
      turn.answerTokens = (0..<counts[1]).map { line[$0 % line.count] }
    } else {
      turn.answerTokens = numbered("w", counts[1])
    }
    return turn
  }

  /// About `words` words of varied prose in paragraphs, the same every time: a long answer that,
  /// like real model output, does not repeat whole lines.
  static func longText(words: Int) -> String {
    let vocabulary = [
      "light", "scatters", "more", "strongly", "at", "shorter", "wavelengths", "which", "is", "why", "the", "sky",
      "looks", "blue", "during", "day", "while", "sunsets", "turn", "orange", "because", "path", "through", "air",
      "grows", "longer", "molecules", "of", "nitrogen", "and", "oxygen", "follow", "Rayleigh", "law", "clouds",
      "stay", "white", "since", "their", "droplets", "are", "large", "so", "Mie", "scattering", "applies", "instead",
    ]
    var random = SplitMix64(seed: 2026)
    var text = "\n\n"
    var untilBreak = 70
    for _ in 0..<words {
      text += " " + vocabulary[Int(random.next() % UInt64(vocabulary.count))]
      if random.next() % 11 == 0 { text += random.next() % 2 == 0 ? "," : "." }
      untilBreak -= 1
      if untilBreak == 0 {
        text += "\n\n"
        untilBreak = 50 + Int(random.next() % 60)
      }
    }
    return text + "."
  }

  /// Splits text into word-sized pieces with their leading spaces, like a tokenizer would.
  static func tokens(_ text: String) -> [String] {
    var tokens: [String] = []
    var current = ""
    for character in text {
      if character == " " || character == "\n", !current.isEmpty, current.last != " ", current.last != "\n" {
        tokens.append(current)
        current = ""
      }
      current.append(character)
    }
    if !current.isEmpty { tokens.append(current) }
    return tokens
  }

  public var reasoningText: String { reasoningTokens.joined() }
  public var answerText: String { answerTokens.joined() }
}
