/// One logical line of a document (no newlines): its display text, how it looks, and the text
/// it came from (what copy puts on the clipboard).
public struct TextLine: Sendable, Equatable {
  public var kind: LineKind
  /// The text as received, sanitised.
  public var source: String
  /// The text as shown (markdown markers removed).
  public var display: String {
    get { storedDisplay }
    set {
      storedDisplay = newValue
      firstNonASCII = Self.firstNonASCII(in: newValue.utf8[...], from: 0)
    }
  }
  private var storedDisplay: String
  /// Whether the display text is printable ASCII: such rows are drawn byte by byte, without
  /// grapheme segmentation (the common case, and the hot path of every frame).
  public var isASCII: Bool { firstNonASCII == nil }
  public var spans: [StyleSpan]
  public var baseRole: StyleRole
  /// UTF-8 offset of the first display byte that is not printable ASCII.
  private var firstNonASCII: Int?
  /// Where restyling this (open, markdown) line may start again when it grows.
  var styledThrough: MarkdownStyler.Resume?

  public init(kind: LineKind, source: String, display: String? = nil, spans: [StyleSpan] = [], baseRole: StyleRole) {
    self.kind = kind
    self.source = source
    let shown = display ?? source
    storedDisplay = shown
    firstNonASCII = Self.firstNonASCII(in: shown.utf8[...], from: 0)
    self.spans = spans
    self.baseRole = baseRole
  }

  /// Replaces the display text from a UTF-8 offset on (a growing line's restyled tail), in place:
  /// the text before it is neither copied nor scanned again.
  mutating func replaceDisplay(fromUTF8Offset offset: Int, with tail: String) {
    let cut = storedDisplay.utf8.index(storedDisplay.utf8.startIndex, offsetBy: offset)
    storedDisplay.removeSubrange(cut...)
    storedDisplay += tail
    let known = firstNonASCII.flatMap { $0 < offset ? $0 : nil }
    firstNonASCII = known ?? Self.firstNonASCII(in: tail.utf8[...], from: offset)
  }

  /// Lines are equal when they read and look the same (the caches are not compared).
  public static func == (lhs: TextLine, rhs: TextLine) -> Bool {
    lhs.kind == rhs.kind && lhs.source == rhs.source && lhs.storedDisplay == rhs.storedDisplay
      && lhs.spans == rhs.spans && lhs.baseRole == rhs.baseRole
  }

  private static func firstNonASCII(in bytes: Substring.UTF8View, from base: Int) -> Int? {
    var position = base
    for byte in bytes {
      if byte < 0x20 || byte >= 0x7F { return position }
      position += 1
    }
    return nil
  }
}
