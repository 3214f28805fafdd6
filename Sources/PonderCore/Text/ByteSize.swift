/// A byte count written for people and models, in one style everywhere: `812 bytes`, `64 KB`,
/// `1.5 MB`, `4.7 GB` — units of 1024, one decimal unless the amount is whole.
public enum ByteSize {
  public static func text(_ bytes: Int64) -> String {
    if bytes < 1024 { return "\(bytes) bytes" }
    let units = ["KB", "MB", "GB", "TB"]
    var amount = Double(bytes) / 1024
    var unit = 0
    while amount >= 1024, unit < units.count - 1 {
      amount /= 1024
      unit += 1
    }
    let tenths = Int((amount * 10).rounded())
    if tenths % 10 == 0 { return "\(tenths / 10) \(units[unit])" }
    return "\(tenths / 10).\(tenths % 10) \(units[unit])"
  }

  public static func text(_ bytes: Int) -> String { text(Int64(bytes)) }
}
