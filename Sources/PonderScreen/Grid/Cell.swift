/// One terminal cell: a grapheme, how many columns it covers, and its role.
///
/// Plain data (no references), so a frame's grid is allocated, filled, compared and freed
/// without reference counting: that is most of the cost of a frame. The grapheme is kept as its
/// base scalar plus up to two more (combining marks, a variation selector, a flag's second
/// half) — what a terminal cell can show anyway.
///
/// A wide grapheme (CJK, most emoji) has width 2 and is followed by a continuation cell of width
/// 0 that the terminal adapter skips. Blank cells hold a space.
public struct Cell: Sendable, Equatable {
  public var base: Unicode.Scalar
  /// Further scalars of the grapheme, 0 when absent.
  var extra1: UInt32 = 0
  var extra2: UInt32 = 0
  /// 1 for most graphemes, 2 for wide ones, 0 for the continuation cell after a wide one.
  public var width: UInt8
  public var role: StyleRole

  public init(_ grapheme: Character, width: UInt8 = 1, role: StyleRole = .normal) {
    self.width = width
    self.role = role
    if let ascii = grapheme.asciiValue {
      base = Unicode.Scalar(ascii)
      return
    }
    var scalars = grapheme.unicodeScalars.makeIterator()
    base = scalars.next() ?? " "
    extra1 = scalars.next()?.value ?? 0
    extra2 = scalars.next()?.value ?? 0
  }

  public init(scalar: Unicode.Scalar, width: UInt8 = 1, role: StyleRole = .normal) {
    base = scalar
    self.width = width
    self.role = role
  }

  /// The scalars of the grapheme, base first.
  public var scalars: [Unicode.Scalar] {
    [base] + [extra1, extra2].compactMap { $0 == 0 ? nil : Unicode.Scalar($0) }
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
