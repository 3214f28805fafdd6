extension StringProtocol {
  /// The text without leading and trailing whitespace (spaces, tabs, newlines, and the other
  /// Unicode white space).
  public func trimmingWhitespace() -> String {
    guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace }) else {
      return ""
    }
    return String(self[first...last])
  }

  /// The text, or nil when it is empty.
  public var nonEmpty: String? { isEmpty ? nil : String(self) }
}
