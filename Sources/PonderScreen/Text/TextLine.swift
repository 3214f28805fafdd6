/// A role applied to part of a line, by grapheme offsets into the line's display text.
public struct StyleSpan: Sendable, Equatable {
  public var range: Range<Int>
  public var role: StyleRole
  public init(_ range: Range<Int>, _ role: StyleRole) {
    self.range = range
    self.role = role
  }
}

/// What a line of a document is, which decides how it is styled.
public enum LineKind: Sendable, Equatable {
  /// Plain text in one role.
  case plain(StyleRole)
  /// Answer text, styled as light markdown.
  case markdown
  /// Pre-styled text (log entries): spans given by the writer.
  case styled
}

/// One logical line of a document (no newlines): its display text, how it looks, and the text
/// it came from (what copy puts on the clipboard).
public struct TextLine: Sendable, Equatable {
  public var kind: LineKind
  /// The text as received, sanitised.
  public var source: String
  /// The text as shown (markdown markers removed).
  public var display: String {
    didSet { isASCII = display.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F } }
  }
  /// Whether the display text is printable ASCII: such rows are drawn byte by byte, without
  /// grapheme segmentation (the common case, and the hot path of every frame).
  public private(set) var isASCII: Bool
  public var spans: [StyleSpan]
  public var baseRole: StyleRole

  public init(kind: LineKind, source: String, display: String? = nil, spans: [StyleSpan] = [], baseRole: StyleRole) {
    self.kind = kind
    self.source = source
    let shown = display ?? source
    self.display = shown
    isASCII = shown.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    self.spans = spans
    self.baseRole = baseRole
  }
}
