extension Double {
  /// The number as an Int when it is finite and in range (fractions truncated), else `nil`.
  ///
  /// Counts and durations arrive as JSON numbers, and a server may send `1e300` or `1e999`
  /// (read as infinity): `Int(_:)` traps on those, so every conversion of a wire number goes here.
  var integerValue: Int? {
    guard isFinite, abs(self) < 9.0e18 else { return nil }
    return Int(self)
  }
}
