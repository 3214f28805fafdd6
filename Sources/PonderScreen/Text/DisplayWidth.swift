/// How many terminal columns a grapheme cluster takes: 0, 1 or 2.
///
/// A single character follows the Unicode tables the standard library carries (and glibc's
/// `wcwidth` where they agree): East Asian wide and fullwidth characters and emoji with emoji
/// presentation are 2; combining marks, format characters and controls are 0; everything else
/// is 1. A cluster is measured whole, as current terminals draw it: an emoji followed by the
/// emoji variation selector (❤️), a skin tone (👍🏽), a zero-width joiner (👩‍💻), a keycap mark
/// (1️⃣) or tag characters (🏴 flags), and a pair of regional indicators (🇫🇷), are one wide
/// glyph of 2 columns; marks after any other base add nothing to the base's width.
public enum DisplayWidth {
  @inline(__always)
  public static func of(_ grapheme: Character) -> Int {
    if let ascii = grapheme.asciiValue { return of(ascii: ascii) }
    var scalars = grapheme.unicodeScalars.makeIterator()
    guard let base = scalars.next() else { return 0 }
    let baseWidth = of(base)
    guard let second = scalars.next() else { return baseWidth }
    if isRegionalIndicator(base.value) { return isRegionalIndicator(second.value) ? 2 : baseWidth }
    guard base.properties.isEmoji else { return baseWidth }
    var next: Unicode.Scalar? = second
    while let scalar = next {
      if widensEmoji(scalar.value) { return 2 }
      next = scalars.next()
    }
    return baseWidth
  }

  /// Scalars that make the emoji before them a wide emoji glyph: the emoji variation selector,
  /// skin-tone modifiers, the zero-width joiner, the keycap mark and tag characters.
  @inline(__always)
  static func widensEmoji(_ value: UInt32) -> Bool {
    value == 0xFE0F || (0x1F3FB...0x1F3FF).contains(value) || value == 0x200D || value == 0x20E3
      || (0xE0020...0xE007F).contains(value)
  }

  @inline(__always)
  static func isRegionalIndicator(_ value: UInt32) -> Bool { (0x1F1E6...0x1F1FF).contains(value) }

  public static func of(_ scalar: Unicode.Scalar) -> Int {
    let value = scalar.value
    if value < 0x20 || (0x7F...0x9F).contains(value) { return 0 }
    if value < 0x300 { return 1 }
    if isZeroWidth(scalar) { return 0 }
    if isWide(value) || scalar.properties.isEmojiPresentation { return 2 }
    return 1
  }

  /// The columns an ASCII character takes: 1, or 0 for a control character.
  @inline(__always)
  static func of(ascii byte: UInt8) -> Int { byte >= 0x20 && byte != 0x7F ? 1 : 0 }

  /// The ASCII byte at `index` when it is a grapheme by itself, so it can be read as a byte with
  /// no grapheme breaking: followed by ASCII or the end (a mark after it would join it), and not
  /// a CR (CR LF is one grapheme). `nil` when the grapheme there must be read whole.
  @inline(__always)
  static func loneASCII<UTF8: Collection<UInt8>>(in utf8: UTF8, at index: UTF8.Index) -> UInt8? {
    let byte = utf8[index]
    guard byte < 0x80, byte != 0x0D else { return nil }
    let next = utf8.index(after: index)
    return next == utf8.endIndex || utf8[next] < 0x80 ? byte : nil
  }

  /// The non-ASCII scalar starting at `offset` of UTF-8 `bytes` and its length in bytes, when it
  /// is a grapheme by itself, so it can be drawn with no grapheme breaking (which costs about a
  /// thousand instructions a character): one that `offset` starts a grapheme at, followed by
  /// ASCII or the end, and from a block where no character joins what follows it (Latin, Greek,
  /// Cyrillic, Hebrew; punctuation, arrows, symbols, box drawing; CJK, Hangul syllables,
  /// fullwidth forms). Only a "prepend" character joins the ASCII after it, and none is there.
  /// `nil` when the grapheme there must be read whole.
  @inline(__always)
  static func loneScalar<Bytes: RandomAccessCollection<UInt8>>(
    in bytes: Bytes, at offset: Int
  ) -> (scalar: Unicode.Scalar, length: Int)? where Bytes.Index == Int {
    let lead = bytes[offset]
    let value: UInt32
    let length: Int
    if lead & 0xE0 == 0xC0, offset + 1 < bytes.count {
      value = UInt32(lead & 0x1F) << 6 | UInt32(bytes[offset + 1] & 0x3F)
      length = 2
    } else if lead & 0xF0 == 0xE0, offset + 2 < bytes.count {
      value = UInt32(lead & 0x0F) << 12 | UInt32(bytes[offset + 1] & 0x3F) << 6 | UInt32(bytes[offset + 2] & 0x3F)
      length = 3
    } else {
      return nil
    }
    guard offset + length == bytes.count || bytes[offset + length] < 0x80 else { return nil }
    guard
      (0x00A0...0x05FF).contains(value) || (0x2010...0x2BFF).contains(value) || (0x3000...0x9FFF).contains(value)
        || (0xAC00...0xD7A3).contains(value) || (0xFF01...0xFFEF).contains(value),
      let scalar = Unicode.Scalar(value)
    else { return nil }
    return (scalar, length)
  }

  /// The columns `text` takes on one line.
  ///
  /// ASCII is measured byte by byte, with no grapheme breaking (``loneASCII(in:at:)``); from the
  /// first character that is not a grapheme by itself, grapheme by grapheme.
  public static func of(_ text: some StringProtocol) -> Int {
    let utf8 = text.utf8
    var total = 0
    var index = utf8.startIndex
    while index != utf8.endIndex, let byte = loneASCII(in: utf8, at: index) {
      total += of(ascii: byte)
      index = utf8.index(after: index)
    }
    guard index != utf8.endIndex else { return total }
    for grapheme in text[index...] { total += of(grapheme) }
    return total
  }

  static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    if (0x1160...0x11FF).contains(value) || (0x200B...0x200F).contains(value) || value == 0xFEFF { return true }
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark: return true
    case .format: return value != 0x00AD
    default: return false
    }
  }

  private static let wideRanges: [ClosedRange<UInt32>] = [
    0x1100...0x115F, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
    0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
    0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4, 0x17000...0x18CD5, 0x1B000...0x1B2FB,
    0x1F200...0x1F202, 0x1F210...0x1F23B, 0x1F240...0x1F248, 0x1F250...0x1F251, 0x20000...0x2FFFD,
    0x30000...0x3FFFD,
  ]

  static func isWide(_ value: UInt32) -> Bool {
    guard value >= 0x1100 else { return false }
    var low = 0
    var high = wideRanges.count - 1
    while low <= high {
      let middle = (low + high) / 2
      let range = wideRanges[middle]
      if value < range.lowerBound {
        high = middle - 1
      } else if value > range.upperBound {
        low = middle + 1
      } else {
        return true
      }
    }
    return false
  }
}
