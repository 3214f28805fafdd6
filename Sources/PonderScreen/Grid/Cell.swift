/// One terminal cell: a whole grapheme cluster, how many columns it covers, and its role.
///
/// Plain data (no references), so a frame's grid is allocated, filled, compared and freed
/// without reference counting: that is most of the cost of a frame. A grapheme of up to three
/// scalars (a letter with two combining marks, a flag, a keycap, an emoji with a skin tone) is
/// held inline; a longer one (an emoji ZWJ sequence, a tag flag, stacked marks) is stored in
/// the table of the grid that holds the cell (``LongGraphemes``) and the cell holds its number,
/// so a cell's text is read through its grid (``CellGrid/scalars(of:)``). Either way the whole
/// cluster is kept: nothing is cut to its first scalar. An ASCII cell allocates nothing.
///
/// A wide grapheme (CJK, most emoji) has width 2 and is followed by a continuation cell of width
/// 0 that the terminal adapter skips. Blank cells hold a space.
public struct Cell: Sendable, Equatable {
  public var base: Unicode.Scalar
  /// The second and third scalars of the grapheme (0 when absent), or, when `extra1` has
  /// ``longFlag`` set, the number of the whole grapheme in its grid's ``LongGraphemes``.
  var extra1: UInt32 = 0
  var extra2: UInt32 = 0
  /// 1 for most graphemes, 2 for wide ones, 0 for the continuation cell after a wide one.
  public var width: UInt8
  public var role: StyleRole
  /// Fills the last two bytes, so a cell has no padding: rows of cells compare as bytes
  /// (``CellGrid/changes(since:)``). Always 0.
  private var unused: UInt16 = 0

  /// Marks `extra1` as a ``LongGraphemes`` number rather than a scalar (scalars end at 0x10FFFF).
  static let longFlag: UInt32 = 0x8000_0000

  /// A cell for `grapheme`; a cluster too long to hold inline is stored in `long`, the table of
  /// the grid the cell is for.
  init(_ grapheme: Character, width: UInt8, role: StyleRole, long: inout LongGraphemes) {
    self.width = width
    self.role = role
    let utf8 = grapheme.utf8
    if utf8.count == 1, let byte = utf8.first {
      base = Unicode.Scalar(byte)
      return
    }
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
    extra1 = Self.longFlag | long.add(grapheme)
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

  /// The number of the grapheme in its grid's ``LongGraphemes``; nil when it is held inline.
  var longNumber: UInt32? { extra1 & Self.longFlag != 0 ? extra1 & ~Self.longFlag : nil }

  /// The scalars held inline, base first (for a cell without a ``longNumber``).
  var inlineScalars: [Unicode.Scalar] {
    [base] + [extra1, extra2].compactMap { $0 == 0 ? nil : Unicode.Scalar($0) }
  }

  public static let blank = Cell(scalar: " ")
  static let continuation = Cell(scalar: " ", width: 0)
}
