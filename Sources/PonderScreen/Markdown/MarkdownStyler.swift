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

  /// Where restyling a growing line may start again: the styling of the text before it can no
  /// longer change, whatever is appended (no open marker, no marker left literal for want of a
  /// closer, and the line's kind — heading, list, fence — is settled).
  public struct Resume: Sendable, Equatable {
    /// UTF-8 offset into the source.
    var source = 0
    /// UTF-8 offset into the display text.
    var display = 0
    /// Graphemes of display text before it (span offsets count graphemes).
    var count = 0
    /// Spans that end before it.
    var spans = 0
  }

  /// Styles `source`, returning the display text and spans, and advancing `state`.
  public static func style(_ source: String, state: inout State) -> (
    display: String, spans: [StyleSpan], role: StyleRole
  ) {
    let styled = styleResumable(source, state: &state)
    return (styled.display, styled.spans, styled.role)
  }

  /// Restyles a line whose source grew at its end, starting from its resume point when it has
  /// one: the cost is the text after that point, not the whole line.
  static func restyleGrown(_ line: inout TextLine, state: State) {
    if let resume = line.styledThrough {
      let source = line.source
      let start = source.utf8.index(source.utf8.startIndex, offsetBy: resume.source)
      let inline = inlineStyles(source[start...], offset: resume.count)
      line.replaceDisplay(fromUTF8Offset: resume.display, with: inline.text)
      line.spans.removeSubrange(resume.spans...)
      line.spans += inline.spans
      line.styledThrough =
        inline.resume.map { next in
          Resume(
            source: resume.source + next.source, display: resume.display + next.display, count: next.count,
            spans: resume.spans + next.spans)
        } ?? resume
      return
    }
    var copy = state
    let styled = styleResumable(line.source, state: &copy)
    line.display = styled.display
    line.spans = styled.spans
    line.baseRole = styled.role
    line.styledThrough = styled.resume
  }

  /// Bytes of a line's text after its leading spaces from which its kind can no longer change
  /// (`###### ` is the longest prefix that decides one).
  private static let settledLength = 8

  private static func styleResumable(
    _ source: String, state: inout State
  ) -> (display: String, spans: [StyleSpan], role: StyleRole, resume: Resume?) {
    let trimmed = source.drop(while: { $0 == " " })
    if trimmed.hasPrefix("```") {
      if state.inCodeBlock {
        state.inCodeBlock = false
        return ("╰─", [], .codeLabel, nil)
      }
      state.inCodeBlock = true
      state.codeBlocks += 1
      let language = trimmed.dropFirst(3).trimmingWhitespace()
      let label = "╭─ [\(state.codeBlocks)] " + (language.isEmpty ? "code" : language)
      return (label, [], .codeLabel, nil)
    }
    if state.inCodeBlock { return ("│ " + source, [StyleSpan(0..<2, .codeLabel)], .code, nil) }
    if let level = headingLevel(trimmed) {
      let text = String(trimmed.dropFirst(level + 1))
      return (text, [], .heading, nil)
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
    let inline = inlineStyles(body, offset: prefix.count)
    var resume: Resume?
    if trimmed.utf8.count >= settledLength, let next = inline.resume {
      let bodyStart = source.utf8.distance(from: source.startIndex, to: body.startIndex)
      resume = Resume(
        source: bodyStart + next.source, display: prefix.utf8.count + next.display, count: next.count,
        spans: prefixSpans.count + next.spans)
    }
    return (prefix + inline.text, prefixSpans + inline.spans, .answer, resume)
  }

  static func headingLevel(_ text: Substring) -> Int? {
    let hashes = text.prefix(while: { $0 == "#" }).count
    guard (1...6).contains(hashes), text.dropFirst(hashes).first == " " else { return nil }
    return hashes
  }

  /// Removes `**`/`__` and backtick markers, returning spans for what they marked, and the last
  /// point (relative to `text`, `count` absolute) from which styling more text appended to it
  /// would give the same result as styling it all.
  static func inlineStyles(
    _ text: Substring, offset: Int
  ) -> (text: String, spans: [StyleSpan], resume: Resume?) {
    var out = ""
    var spans: [StyleSpan] = []
    var count = offset
    var boldStart: Int?
    var codeStart: Int?
    var resume: Resume?
    // A marker left literal because nothing closes it yet may become one when more text comes.
    var settled = true
    var index = text.startIndex
    while index < text.endIndex {
      if settled, boldStart == nil, codeStart == nil {
        resume = Resume(
          source: text.utf8.distance(from: text.startIndex, to: index), display: out.utf8.count, count: count,
          spans: spans.count)
      }
      let character = text[index]
      let next = text.index(after: index)
      if character == "`" {
        if let start = codeStart {
          spans.append(StyleSpan(start..<count, .code))
          codeStart = nil
        } else if text[next...].contains("`") {
          codeStart = count
        } else {
          settled = false
          out.append(character)
          count += 1
        }
        index = next
        continue
      }
      if codeStart == nil, character == "*" || character == "_" {
        guard next < text.endIndex else {
          settled = false  // the first half of a pair, perhaps
          out.append(character)
          count += 1
          break
        }
        if text[next] == character {
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
          settled = false
        }
      }
      out.append(character)
      count += 1
      index = next
    }
    return (out, spans, resume)
  }
}
