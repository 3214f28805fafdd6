/// Tells text from binary by the first bytes of a file: a NUL byte or invalid UTF-8 means binary.
///
/// Looks at a prefix only (the tools use the first 8 KB), so a sequence cut by the end of the
/// prefix is not held against the file.
enum TextSniffer {
  /// How many leading bytes the tools examine.
  static let sampleSize = 8192

  /// - Parameter isWholeFile: the sample is the entire file, so a cut sequence at its end is invalid.
  static func isBinary(_ sample: [UInt8], isWholeFile: Bool) -> Bool {
    if sample.contains(0) { return true }
    let end = isWholeFile ? sample.count : sample.count - incompleteTail(sample)
    return String(validating: sample[..<end], as: UTF8.self) == nil
  }

  /// The length of a trailing, possibly valid but incomplete, UTF-8 sequence (0 to 3 bytes).
  static func incompleteTail(_ bytes: [UInt8]) -> Int {
    for back in 1...min(3, bytes.count) {
      let byte = bytes[bytes.count - back]
      if byte & 0xC0 == 0x80 { continue }  // continuation: keep looking for the lead byte
      let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
      return length > back ? back : 0
    }
    return 0
  }
}
