import Testing

@testable import PonderTerminal

/// Bytes read in bulk during a paste become the same characters however the reads split them.
@Suite struct RawInputDecoderTests {
  @Test func aCharacterSplitAcrossReadsIsKeptWhole() {
    let text = "a é 東 🙂 z"
    let bytes = Array(text.utf8)
    for split in 0...bytes.count {
      var decoder = RawInputDecoder()
      let keys = decoder.decode(bytes[..<split]) + decoder.decode(bytes[split...])
      #expect(keys.map(\.code) == text.unicodeScalars.map(\.value), "split at \(split)")
    }
  }

  @Test func invalidBytesBecomeReplacementCharacters() {
    var decoder = RawInputDecoder()
    #expect(decoder.decode([0x61, 0xFF, 0x62]).map(\.code) == [0x61, 0xFFFD, 0x62])
  }

  @Test func thePasteStartMarkerIsFoundAtTheEndOfWhatWasRead() {
    let marker = BracketedPaste.start.map { KeyDecoder.RawKey.character($0) }
    #expect(BracketedPaste.endsWithStart([.character(0x61)] + marker))
    #expect(!BracketedPaste.endsWithStart(marker + [.character(0x61)]))
    #expect(!BracketedPaste.endsWithStart(Array(marker.dropFirst())))
  }
}
