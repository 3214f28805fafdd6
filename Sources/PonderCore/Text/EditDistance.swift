/// How far apart two short words are, for "did you mean" suggestions (slash commands, config keys).
public enum EditDistance {
  /// Edits (insert, delete, replace, swap two neighbours) that turn `a` into `b`.
  public static func between(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
    var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { table[i][0] = i }
    for j in 0...b.count { table[0][j] = j }
    for i in 1...a.count {
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
        }
      }
    }
    return table[a.count][b.count]
  }

  /// The candidate nearest to `word` within `limit` edits (fewer than the word's own length, so a
  /// two-letter typo is not "corrected" into anything), ties broken alphabetically; `nil` if none.
  public static func closest(to word: String, among candidates: some Sequence<String>, limit: Int = 2) -> String? {
    let scored = candidates.map { (candidate: $0, distance: between(word.lowercased(), $0.lowercased())) }
      .filter { $0.distance <= limit && $0.distance < word.count }
    return scored.min { ($0.distance, $0.candidate) < ($1.distance, $1.candidate) }?.candidate
  }
}
