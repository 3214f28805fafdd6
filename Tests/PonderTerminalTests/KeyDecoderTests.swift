import CNCurses
import PonderScreen
import Testing

@testable import PonderTerminal

@Suite struct KeyDecoderTests {
  typealias Raw = KeyDecoder.RawKey

  static func chars(_ text: String) -> [Raw] { text.unicodeScalars.map { .character($0.value) } }

  @Test func printableCharacters() {
    #expect(
      KeyDecoder.decode(Self.chars("aé東🙂")) == [.character("a"), .character("é"), .character("東"), .character("🙂")])
  }

  @Test func enterTabBackspaceAndControls() {
    let raw: [Raw] = [13, 10, 9, 127, 8, 1, 3, 17, 26, 0, 28].map { .character($0) }
    #expect(
      KeyDecoder.decode(raw) == [
        .enter, .control("j"), .tab, .backspace, .backspace, .control("a"), .control("c"), .control("q"),
        .control("z"),
      ])
  }

  @Test func cursesKeyCodes() {
    let raw: [Raw] = [
      .key(KEY_UP), .key(KEY_DOWN), .key(KEY_LEFT), .key(KEY_RIGHT), .key(KEY_HOME), .key(KEY_END),
      .key(KEY_PPAGE), .key(KEY_NPAGE), .key(KEY_BACKSPACE), .key(KEY_DC), .key(KEY_BTAB), .key(KEY_ENTER),
      .key(ponder_key_f(1)), .key(ponder_key_f(12)), .key(KEY_RESIZE), .key(ponder_key_f(13)),
      .key(KEY_FIND), .key(KEY_SELECT),
    ]
    #expect(
      KeyDecoder.decode(raw) == [
        .up, .down, .left, .right, .home, .end, .pageUp, .pageDown, .backspace, .delete, .backTab, .enter,
        .function(1), .function(12), .home, .end,
      ])
  }

  @Test func escapeCombinations() {
    #expect(KeyDecoder.decode([.character(27)]) == [.escape])
    #expect(KeyDecoder.decode([.character(27), .character(0x78)]) == [.alt("x")])
    #expect(KeyDecoder.decode([.character(27), .character(13)]) == [.altEnter])
    #expect(KeyDecoder.decode([.character(27), .key(KEY_UP)]) == [.up])
    #expect(KeyDecoder.decode([.character(27), .character(27)]) == [.escape, .escape])
    #expect(KeyDecoder.decode([.character(27), .character(27), .character(0x61)]) == [.escape, .alt("a")])
    #expect(KeyDecoder.decode([.character(27), .character(3)]) == [.escape, .control("c")])
    #expect(KeyDecoder.decode([.character(27), .character(0x5B)]) == [.alt("[")])
  }

  @Test(arguments: [
    ("\u{1B}[H", KeyPress.home), ("\u{1B}[F", .end), ("\u{1B}OH", .home), ("\u{1B}OF", .end),
    ("\u{1B}[1~", .home), ("\u{1B}[4~", .end), ("\u{1B}[7~", .home), ("\u{1B}[8~", .end),
    ("\u{1B}[3~", .delete), ("\u{1B}[5~", .pageUp), ("\u{1B}[6~", .pageDown), ("\u{1B}[A", .up),
    ("\u{1B}[1;5C", .right), ("\u{1B}OP", .function(1)), ("\u{1B}[15~", .function(5)),
    ("\u{1B}[24~", .function(12)), ("\u{1B}[[A", .function(1)), ("\u{1B}[[E", .function(5)), ("\u{1B}[Z", .backTab),
  ])
  func undecodedSequences(sequence: String, key: KeyPress) {
    #expect(KeyDecoder.decode(Self.chars(sequence + "x")) == [key, .character("x")])
  }

  @Test func unknownSequencesAreDropped() {
    #expect(KeyDecoder.decode(Self.chars("\u{1B}[2~\u{1B}[200~a")) == [.character("a")])
  }
}
