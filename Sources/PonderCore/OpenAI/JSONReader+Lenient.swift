extension JSONReader {
  /// A string value; any other kind (including `null`) is skipped and reads as `nil`.
  ///
  /// Wire fields of the SSE protocols are read leniently (protocols.md §0): a server that puts a
  /// number where a string belongs must not fail the whole stream.
  mutating func readStringLeniently() throws(Failure) -> String? {
    guard peekKind() == .string else {
      try skipValue()
      return nil
    }
    return try readString()
  }

  /// A number, int or float; any other kind is skipped and reads as `nil`.
  mutating func readNumberLeniently() throws(Failure) -> Double? {
    guard peekKind() == .number else {
      try skipValue()
      return nil
    }
    return try readNumber()
  }

  /// A number as an Int when it is finite and in range.
  mutating func readIntLeniently() throws(Failure) -> Int? {
    try readNumberLeniently()?.integerValue
  }

  /// Calls `body` for each key when the next value is an object; skips any other kind.
  mutating func readObjectLeniently(
    _ body: (_ key: JSONKey, _ reader: inout JSONReader) throws(Failure) -> Void
  ) throws(Failure) {
    guard peekKind() == .object else { return try skipValue() }
    try readObject(body)
  }

  /// Calls `body` for each element when the next value is an array; skips any other kind.
  mutating func readArrayLeniently(_ body: (inout JSONReader) throws(Failure) -> Void) throws(Failure) {
    guard peekKind() == .array else { return try skipValue() }
    try readArray(body)
  }
}

/// Converts a duration in milliseconds (llama.cpp `timings`) to whole nanoseconds.
func nanoseconds(fromMilliseconds milliseconds: Double?) -> Int64? {
  guard let milliseconds, milliseconds.isFinite, milliseconds >= 0, milliseconds < 9.0e12 else { return nil }
  return Int64((milliseconds * 1_000_000).rounded())
}
