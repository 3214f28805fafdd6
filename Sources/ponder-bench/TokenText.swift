import PonderTestSupport

/// Deterministic "model output" that does not repeat itself: word-sized tokens (≈6.5 bytes on
/// average, like a real 2000-token answer of ≈13 KB), paragraphs every 40–90 tokens, a little
/// markdown. Repeating text would be unrealistic and defeats ncurses' scroll detection.
enum TokenText {
  static let vocabulary = [
    "the", "answer", "depends", "on", "how", "light", "scatters", "in", "atmosphere", "shorter", "wavelengths",
    "scatter", "more", "strongly", "than", "longer", "ones", "for", "example", "blue", "at", "nm", "about", "times",
    "red", "which", "is", "why", "sky", "looks", "during", "day", "sunsets", "appear", "orange", "because", "path",
    "through", "air", "grows", "molecules", "nitrogen", "oxygen", "Rayleigh", "inverse", "fourth", "power", "of",
    "frequency", "model", "explains", "most", "observations", "but", "not", "all", "clouds", "are", "white", "since",
    "droplets", "large", "compared", "with", "so", "Mie", "applies", "instead", "**note**", "`code`", "this", "matters",
  ]

  static let tokens: [String] = {
    var random = SplitMix64(seed: 7)
    var out: [String] = []
    var untilBreak = 60
    for _ in 0..<120_000 {
      let word = vocabulary[Int(random.next() % UInt64(vocabulary.count))]
      let suffix = random.next() % 9 == 0 ? "," : (random.next() % 13 == 0 ? "." : "")
      out.append(" " + word + suffix)
      untilBreak -= 1
      if untilBreak == 0 {
        out.append("\n\n")
        untilBreak = 40 + Int(random.next() % 50)
      }
    }
    return out
  }()

  static func token(_ index: Int) -> String { tokens[index % tokens.count] }
}
