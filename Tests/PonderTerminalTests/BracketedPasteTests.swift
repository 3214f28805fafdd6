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
}
