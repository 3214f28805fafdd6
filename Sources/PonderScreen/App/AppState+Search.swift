extension AppState {
  mutating func openSearch() {
    search = SearchState()
    showReasoning = true
    focus = .reasoning
  }

  mutating func handleSearchKey(_ key: KeyPress) -> [Effect] {
    guard var current = search else { return [] }
    switch key {
    case .escape, .control("f"):
      search = nil
      return []
    case .character(let character):
      current.query.append(character)
      current.current = nil
    case .paste(let text):
      current.query += Array(text.prefix(while: { !$0.isNewline }))
      current.current = nil
    case .backspace:
      if !current.query.isEmpty { current.query.removeLast() }
      current.current = nil
    case .enter, .down, .control("n"):
      current.current = current.matches.isEmpty ? nil : ((current.current ?? -1) + 1) % current.matches.count
    case .up, .control("b"):
      current.current =
        current.matches.isEmpty
        ? nil : ((current.current ?? current.matches.count) - 1 + current.matches.count) % current.matches.count
    case .control("c"), .control("q"):
      search = nil
      return handleKey(key)
    default:
      return []
    }
    if current.current == nil {
      current.matches = Self.findMatches(of: current.query, in: reasoning)
      current.current = current.matches.isEmpty ? nil : 0
    }
    search = current
    if let index = current.current, let area = layout.content(of: .reasoning) {
      let match = current.matches[index]
      let rows = reasoning.rows(ofLine: match.line, width: area.width)
      let rowInLine = rows.lastIndex(where: { $0.startOffset <= match.offset }) ?? 0
      reveal(.reasoning, row: reasoning.firstRow(ofLine: match.line, width: area.width) + rowInLine)
    }
    return []
  }

  /// Case-insensitive matches of `query` in the displayed text, by grapheme offsets.
  static func findMatches(of query: [Character], in document: TextDocument) -> [SearchState.Match] {
    guard !query.isEmpty else { return [] }
    let needle = query.map { Character($0.lowercased()) }
    var matches: [SearchState.Match] = []
    for (lineIndex, line) in document.lines.enumerated() {
      let haystack = line.display.map { Character($0.lowercased()) }
      guard haystack.count >= needle.count else { continue }
      var offset = 0
      while offset <= haystack.count - needle.count {
        if haystack[offset] == needle[0], Array(haystack[offset..<(offset + needle.count)]) == needle {
          matches.append(SearchState.Match(line: lineIndex, offset: offset, length: needle.count))
          offset += needle.count
        } else {
          offset += 1
        }
      }
    }
    return matches
  }
}
