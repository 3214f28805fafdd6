/// One terminal cell: a whole grapheme cluster, how many columns it covers, and its role.
///
/// Plain data (no references), so a frame's grid is allocated, filled, compared and freed
/// without reference counting: that is most of the cost of a frame. A grapheme of up to three
/// scalars (a letter with two combining marks, a flag, a keycap, an emoji with a skin tone) is
/// held inline; a longer one (an emoji ZWJ sequence, a tag flag, stacked marks) is stored once
/// in ``LongGraphemes`` and the cell holds its number. Either way the whole cluster is kept:
/// nothing is cut to its first scalar. An ASCII cell allocates nothing.
///
/// A wide grapheme (CJK, most emoji) has width 2 and is followed by a continuation cell of width
/// 0 that the terminal adapter skips. Blank cells hold a space.
public struct Cell: Sendable, Equatable {
  public var base: Unicode.Scalar
  /// The second and third scalars of the grapheme (0 when absent), or, when `extra1` has
  /// ``longFlag`` set, the number of the whole grapheme in ``LongGraphemes``.
  var extra1: UInt32 = 0
  var extra2: UInt32 = 0
  /// 1 for most graphemes, 2 for wide ones, 0 for the continuation cell after a wide one.
  public var width: UInt8
  public var role: StyleRole

  /// Marks `extra1` as a ``LongGraphemes`` number rather than a scalar (scalars end at 0x10FFFF).
  static let longFlag: UInt32 = 0x8000_0000

  public init(_ grapheme: Character, width: UInt8 = 1, role: StyleRole = .normal) {
    self.width = width
    self.role = role
    if let ascii = grapheme.asciiValue {
      base = Unicode.Scalar(ascii)
      return
    }
    var scalars = grapheme.unicodeScalars.makeIterator()
    base = scalars.next() ?? " "
    guard let second = scalars.next() else { return }
    guard let third = scalars.next() else {
      extra1 = second.value
      return
    }
    guard scalars.next() != nil else {
      extra1 = second.value
      extra2 = third.value
      return
    }
    if let number = LongGraphemes.shared.number(for: grapheme) {
      extra1 = Self.longFlag | number
    } else {
      // The table is full (thousands of distinct long clusters): keep what fits inline.
      extra1 = second.value
      extra2 = third.value
    }
  }

  public init(scalar: Unicode.Scalar, width: UInt8 = 1, role: StyleRole = .normal) {
    base = scalar
    self.width = width
    self.role = role
  }

  /// A single ASCII character: the common case, which the terminal adapter writes without work.
  @inline(__always)
  public var isPlainASCII: Bool { extra1 == 0 && base.isASCII }

  /// Whether the grapheme is one scalar (no marks, selectors or joiners after it).
  @inline(__always)
  public var isSingleScalar: Bool { extra1 == 0 }

  /// The scalars of the grapheme, base first (allocates; not for ASCII cells in the frame loop).
  public var scalars: [Unicode.Scalar] {
    if extra1 & Self.longFlag != 0 {
      return Array(LongGraphemes.shared.grapheme(numbered: extra1 & ~Self.longFlag).unicodeScalars)
    }
    return [base] + [extra1, extra2].compactMap { $0 == 0 ? nil : Unicode.Scalar($0) }
  }

  /// The grapheme as a Character (allocates; for the adapter and tests, not the frame loop).
  public var grapheme: Character {
    guard extra1 != 0 else { return Character(base) }
    var text = String.UnicodeScalarView()
    text.append(contentsOf: scalars)
    return Character(String(text))
  }

  public static let blank = Cell(scalar: " ")
  static let continuation = Cell(scalar: " ", width: 0)
}
