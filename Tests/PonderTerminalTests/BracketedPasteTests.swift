import Testing

@testable import PonderTerminal

@Suite struct BracketedPasteTests {
  typealias Raw = KeyDecoder.RawKey
  static func raw(_ text: String) -> [Raw] { text.unicodeScalars.map { .character($0.value) } }

  @Test func aPasteBecomesOnePartWithItsNewlines() {
    var sut = BracketedPaste()
    let parts = sut.split(Self.raw("a\u{1B}[200~line 1\rline 2\u{1B}[201~b"))
    #expect(parts == [.keys(Self.raw("a")), .paste("line 1\rline 2"), .keys(Self.raw("b"))])
  }

  @Test func aPasteSpanningReadsIsAssembled() {
    var sut = BracketedPaste()
    #expect(sut.split(Self.raw("\u{1B}[200~first ")).isEmpty)
    #expect(sut.split(Self.raw("second")).isEmpty)
    #expect(sut.split(Self.raw(" third\u{1B}[201~x")) == [.paste("first second third"), .keys(Self.raw("x"))])
  }

  @Test func escapeSequencesInsideAPasteAreText() {
    var sut = BracketedPaste()
    #expect(sut.split(Self.raw("\u{1B}[200~\u{1B}[A\u{1B}[201~")) == [.paste("\u{1B}[A")])
  }

  /// A megabyte in 4 KB reads, as a terminal delivers it, comes back whole (this took minutes
  /// when every scalar copied the text read so far).
  @Test func aMegabytePasteInManyReadsIsWhole() {
    var sut = BracketedPaste()
    let text = String(repeating: "0123456789abcdef", count: (1 << 20) / 16 - 1) + "END"
    let raw = Self.raw("\u{1B}[200~" + text + "\u{1B}[201~")
    var parts: [BracketedPaste.Part] = []
    var start = 0
    while start < raw.count {
      parts += sut.split(Array(raw[start..<min(raw.count, start + 4096)]))
      start += 4096
    }
    #expect(parts == [.paste(text)])
  }

  @Test func aPasteOverTheLimitIsRefusedWithItsSizeNotCut() {
    var sut = BracketedPaste()
    let size = BracketedPaste.limit + 10
    let parts = sut.split(Self.raw("\u{1B}[200~" + String(repeating: "é", count: size / 2) + "\u{1B}[201~k"))
    #expect(parts == [.tooLarge(size / 2 * 2), .keys(Self.raw("k"))])
  }
}
