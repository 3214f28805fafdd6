/// Light markdown for the answer pane, one line at a time: headings, bullet lists, code fences
/// (set apart and numbered for copying), `**bold**` and `` `code` ``.
///
/// Styling a line needs only the state left by the line before it (inside a fence or not), so a
/// streaming answer restyles just its last line per frame: the cost does not grow with the
/// conversation.
public enum MarkdownStyler {
  /// What carries from one line to the next.
  public struct State: Sendable, Equatable {
    public var inCodeBlock = false
    /// How many code blocks have opened so far in this answer.
    public var codeBlocks = 0
    public init() {}
  }

  /// Styles `source`, returning the display text and spans, and advancing `state`.
  public static func style(_ source: String, state: inout State) -> (display: String, spans: [StyleSpan], role: StyleRole) {
    let trimmed = source.drop(while: { $0 == " " })
    if trimmed.hasPrefix("```") {
      if state.inCodeBlock {
        state.inCodeBlock = false
        return ("╰─", [], .codeLabel)
      }
      state.inCodeBlock = true
      state.codeBlocks += 1
      let language = trimmed.dropFirst(3).trimmingWhitespace()
      let label = "╭─ [\(state.codeBlocks)] " + (language.isEmpty ? "code" : language)
      return (label, [], .codeLabel)
    }
    if state.inCodeBlock { return ("│ " + source, [StyleSpan(0..<2, .codeLabel)], .code) }
    if let level = headingLevel(trimmed) {
      let text = String(trimmed.dropFirst(level + 1))
      return (text, [], .heading)
    }
    var prefix = ""
    var body = Substring(source)
    var prefixSpans: [StyleSpan] = []
    let indent = source.prefix(while: { $0 == " " })
    if trimmed.hasPrefix("- ") || trimmed.hasPrefix("* ") || trimmed.hasPrefix("+ ") {
      prefix = indent + "• "
      body = trimmed.dropFirst(2)
      prefixSpans = [StyleSpan(indent.count..<(indent.count + 1), .listBullet)]
    }
    let (inline, spans) = inlineStyles(body, offset: prefix.count)
    return (prefix + inline, prefixSpans + spans, .answer)
  }

  static func headingLevel(_ text: Substring) -> Int? {
    let hashes = text.prefix(while: { $0 == "#" }).count
    guard (1...6).contains(hashes), text.dropFirst(hashes).first == " " else { return nil }
    return hashes
  }

  /// Removes `**`/`__` and backtick markers, returning spans for what they marked.
  static func inlineStyles(_ text: Substring, offset: Int) -> (String, [StyleSpan]) {
    var out = ""
    var spans: [StyleSpan] = []
    var count = offset
    var boldStart: Int?
    var codeStart: Int?
    var index = text.startIndex
    while index < text.endIndex {
      let character = text[index]
      let next = text.index(after: index)
      if character == "`" {
        if let start = codeStart {
          spans.append(StyleSpan(start..<count, .code))
          codeStart = nil
        } else if text[next...].contains("`") {
          codeStart = count
        } else {
          out.append(character)
          count += 1
        }
        index = next
        continue
      }
      if codeStart == nil, character == "*" || character == "_", next < text.endIndex, text[next] == character {
        let after = text.index(after: next)
        if let start = boldStart {
          spans.append(StyleSpan(start..<count, .bold))
          boldStart = nil
          index = after
          continue
        }
        if text[after...].contains(String([character, character])) {
          boldStart = count
          index = after
          continue
        }
      }
      out.append(character)
      count += 1
      index = next
    }
    return (out, spans)
  }
}
