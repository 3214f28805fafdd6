/// A byte count written for people and models: `812 bytes`, `64 KB`, `1.0 GB`.
struct ByteCount: CustomStringConvertible {
  let value: Int64

  init(_ value: Int64) { self.value = value }
  init(_ value: Int) { self.value = Int64(value) }

  var description: String {
    if value < 1024 { return "\(value) bytes" }
    let units = ["KB", "MB", "GB", "TB"]
    var amount = Double(value) / 1024
    var unit = 0
    while amount >= 1024, unit < units.count - 1 {
      amount /= 1024
      unit += 1
    }
    if amount == amount.rounded() { return "\(Int(amount)) \(units[unit])" }
    let tenths = Int((amount * 10).rounded())
    return "\(tenths / 10).\(tenths % 10) \(units[unit])"
  }
}
