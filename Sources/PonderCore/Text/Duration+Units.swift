extension Duration {
  /// The duration in seconds, with its fraction.
  public var seconds: Double {
    let (whole, attoseconds) = components
    return Double(whole) + Double(attoseconds) / 1e18
  }

  /// The duration in whole milliseconds, rounded down.
  public var milliseconds: Int {
    let (whole, attoseconds) = components
    return Int(whole) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
  }

  /// The duration in whole nanoseconds, rounded down.
  public var nanoseconds: Int64 {
    let (whole, attoseconds) = components
    return whole * 1_000_000_000 + attoseconds / 1_000_000_000
  }
}
