extension String {
  /// A number with one decimal (`12.3`, `-0.5`), without Foundation's formatter.
  public init(format1 value: Double) {
    let tenths = Int((value * 10).rounded())
    let sign = tenths < 0 ? "-" : ""
    self = "\(sign)\(abs(tenths) / 10).\(abs(tenths) % 10)"
  }
}
