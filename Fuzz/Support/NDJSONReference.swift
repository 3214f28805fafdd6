/// NDJSON framing (protocols.md §5.2) read over a whole input, written for clarity: records end
/// at `\n`, lose one trailing `\r`, empty ones are skipped, and a last record without a newline
/// counts unless it is only spaces and tabs. What ``NDJSONFramer`` must agree with.
enum NDJSONReference {
  static func records(_ bytes: [UInt8]) -> [[UInt8]] {
    var records: [[UInt8]] = []
    var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
    let last = lines.removeLast()
    for var line in lines {
      if line.last == 0x0D { line = line.dropLast() }
      if !line.isEmpty { records.append(Array(line)) }
    }
    var tail = last
    if tail.last == 0x0D { tail = tail.dropLast() }
    if !tail.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { records.append(Array(tail)) }
    return records
  }
}
