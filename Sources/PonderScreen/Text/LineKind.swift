/// What a line of a document is, which decides how it is styled.
public enum LineKind: Sendable, Equatable {
  /// Plain text in one role.
  case plain(StyleRole)
  /// Answer text, styled as light markdown.
  case markdown
  /// Pre-styled text (log entries): spans given by the writer.
  case styled
}
