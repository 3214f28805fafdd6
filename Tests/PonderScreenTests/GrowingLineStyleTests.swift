import Testing

@testable import PonderScreen

/// A streamed markdown line is restyled from its resume point, not from its start, and looks the
/// same as the whole line styled at once, however the text was cut into releases.
@Suite struct GrowingLineStyleTests {
  static let lines = [
    "some **bold** and `code` then more words after it",
    "a `lone backtick and later` its closer, and a * star and ** pair",
    "- a list item with **bold text that ends** here and `x`",
    "## a heading that grows",
    "prices in 東京 are **high** 🙂 and `naïve` words",
    "under__score__ and __bold__ and a trailing *",
    "   indented `code` and ** unclosed bold",
  ]

  func grown(_ pieces: [String]) -> TextLine {
    let document = TextDocument()
    for piece in pieces { document.append(piece, kind: .markdown, role: .answer) }
    return document.lines[0]
  }

  @Test(arguments: lines)
  func everySplitLooksLikeTheWholeLine(line: String) {
    var state = MarkdownStyler.State()
    let whole = MarkdownStyler.style(line, state: &state)
    for cut in 0...line.count {
      let cutIndex = line.index(line.startIndex, offsetBy: cut)
      let grownLine = grown([String(line[..<cutIndex]), String(line[cutIndex...])])
      #expect(grownLine.display == whole.display, "cut at \(cut)")
      #expect(grownLine.spans == whole.spans, "cut at \(cut)")
      #expect(grownLine.baseRole == whole.role, "cut at \(cut)")
      #expect(grownLine.isASCII == whole.display.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F })
    }
    let tokens = grown(
      line.split(separator: " ", omittingEmptySubsequences: false).enumerated().map {
        $0.offset == 0 ? String($0.element) : " " + $0.element
      })
    #expect(tokens.display == whole.display)
    #expect(tokens.spans == whole.spans)
  }

  @Test func restylingResumesAfterTheLastSettledMarker() {
    let document = TextDocument()
    document.append("plain words, then **bold** text", kind: .markdown, role: .answer)
    // Everything before the last character is settled: the next release restyles one character on.
    #expect(document.lines[0].styledThrough?.source == "plain words, then **bold** tex".utf8.count)
    document.append(" and a `lone tick", kind: .markdown, role: .answer)
    // A backtick with no closer yet may still open code: restyling resumes before it.
    #expect(document.lines[0].styledThrough?.source == "plain words, then **bold** text and a ".utf8.count)
    document.append(" closed` now", kind: .markdown, role: .answer)
    #expect(document.lines[0].display == "plain words, then bold text and a lone tick closed now")
    #expect(
      document.lines[0].styledThrough?.source
        == "plain words, then **bold** text and a `lone tick closed` no".utf8.count)
  }
}
