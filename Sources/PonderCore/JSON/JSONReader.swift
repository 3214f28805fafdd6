/// A cursor over the bytes of one JSON text, for decoding without building a tree.
///
/// The stream decoders read the handful of keys they need and skip the rest, which keeps the hot
/// path (one record per token) free of allocations. ``JSONValue/parse(_:)`` builds on the same cursor.
public struct JSONReader {
  /// Why a JSON text could not be read; the offset helps when a server sends something odd.
  public struct Failure: Error, Equatable, Sendable, CustomStringConvertible {
    public var offset: Int
    public var reason: String
    public var description: String { "invalid JSON at byte \(offset): \(reason)" }
  }

  let bytes: UnsafeBufferPointer<UInt8>
  public private(set) var position: Int
  private var depth = 0
  private static let maxDepth = 512

  public init(_ bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
    position = 0
  }

  // MARK: - Structure

  /// Reads an object, calling `body` with each key; `body` must consume the value.
  public mutating func readObject(
    _ body: (_ key: JSONKey, _ reader: inout JSONReader) throws(Failure) -> Void
  ) throws(Failure) {
    try expect(UInt8(ascii: "{"))
    try enter()
    skipWhitespace()
    if peek() == UInt8(ascii: "}") {
      position += 1
      depth -= 1
      return
    }
    while true {
      skipWhitespace()
      let key = try readKeyBytes()
      skipWhitespace()
      try expect(UInt8(ascii: ":"))
      skipWhitespace()
      try body(key, &self)
      skipWhitespace()
      guard let next = peek() else { throw fail("unterminated object") }
      position += 1
      if next == UInt8(ascii: "}") { break }
      if next != UInt8(ascii: ",") { throw fail("expected , or } in object") }
    }
    depth -= 1
  }

  /// Reads an array, calling `body` once per element; `body` must consume the element.
  public mutating func readArray(_ body: (inout JSONReader) throws(Failure) -> Void) throws(Failure) {
    try expect(UInt8(ascii: "["))
    try enter()
    skipWhitespace()
    if peek() == UInt8(ascii: "]") {
      position += 1
      depth -= 1
      return
    }
    while true {
      skipWhitespace()
      try body(&self)
      skipWhitespace()
      guard let next = peek() else { throw fail("unterminated array") }
      position += 1
      if next == UInt8(ascii: "]") { break }
      if next != UInt8(ascii: ",") { throw fail("expected , or ] in array") }
    }
    depth -= 1
  }

  /// The kind of the next value, without consuming it.
  public mutating func peekKind() -> JSONKind {
    skipWhitespace()
    switch peek() {
    case UInt8(ascii: "{"): return .object
    case UInt8(ascii: "["): return .array
    case UInt8(ascii: "\""): return .string
    case UInt8(ascii: "t"), UInt8(ascii: "f"): return .bool
    case UInt8(ascii: "n"): return .null
    case nil: return .end
    default: return .number
    }
  }

  /// Requires that only whitespace remains.
  public mutating func expectEnd() throws(Failure) {
    skipWhitespace()
    if position != bytes.count { throw fail("unexpected bytes after the JSON value") }
  }

  // MARK: - Scalars

  /// Reads a string value; `null` reads as `nil`, other kinds throw.
  public mutating func readStringOrNull() throws(Failure) -> String? {
    skipWhitespace()
    if peek() == UInt8(ascii: "n") {
      try readLiteral("null")
      return nil
    }
    return try readString()
  }

  public mutating func readString() throws(Failure) -> String {
    try expect(UInt8(ascii: "\""))
    let start = position
    // Fast path: no escapes, so the bytes can be decoded in place.
    while position < bytes.count {
      let byte = bytes[position]
      if byte == UInt8(ascii: "\"") {
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        position += 1
        return text
      }
      if byte == UInt8(ascii: "\\") { break }
      position += 1
    }
    return try readEscapedString(from: start)
  }

  /// Reads a number; `null` reads as `nil`.
  public mutating func readNumberOrNull() throws(Failure) -> Double? {
    skipWhitespace()
    if peek() == UInt8(ascii: "n") {
      try readLiteral("null")
      return nil
    }
    return try readNumber()
  }

  public mutating func readNumber() throws(Failure) -> Double {
    skipWhitespace()
    let start = position
    var isInteger = true
    var integer: Int64 = 0
    var negative = false
    if peek() == UInt8(ascii: "-") {
      negative = true
      position += 1
    }
    var digits = 0
    while let byte = peek() {
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"):
        if digits < 18 { integer = integer &* 10 &+ Int64(byte &- UInt8(ascii: "0")) } else { isInteger = false }
        digits += 1
      case UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"), UInt8(ascii: "+"), UInt8(ascii: "-"):
        isInteger = false
      default:
        break
      }
      if !Self.isNumberByte(byte) { break }
      position += 1
    }
    guard digits > 0 else { throw fail("expected a value") }
    if isInteger { return Double(negative ? -integer : integer) }
    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
    guard let value = Double(text) else { throw fail("invalid number \(text)") }
    return value
  }

  /// Reads `true`/`false`; `null` reads as `nil`.
  public mutating func readBoolOrNull() throws(Failure) -> Bool? {
    skipWhitespace()
    switch peek() {
    case UInt8(ascii: "t"):
      try readLiteral("true")
      return true
    case UInt8(ascii: "f"):
      try readLiteral("false")
      return false
    case UInt8(ascii: "n"):
      try readLiteral("null")
      return nil
    default:
      throw fail("expected true or false")
    }
  }

  /// Skips one value of any kind, validating its structure.
  public mutating func skipValue() throws(Failure) {
    switch peekKind() {
    case .object: try readObject { _, reader throws(Failure) in try reader.skipValue() }
    case .array: try readArray { reader throws(Failure) in try reader.skipValue() }
    case .string: try skipString()
    case .number: _ = try readNumber()
    case .bool: _ = try readBoolOrNull()
    case .null: try readLiteral("null")
    case .end: throw fail("expected a value")
    }
  }

  /// The raw bytes of the next value, skipped.
  public mutating func readRawValue() throws(Failure) -> [UInt8] {
    skipWhitespace()
    let start = position
    try skipValue()
    return Array(bytes[start..<position])
  }

  // MARK: - Internals

  mutating func skipWhitespace() {
    while position < bytes.count {
      switch bytes[position] {
      case 0x20, 0x0A, 0x0D, 0x09: position += 1
      default: return
      }
    }
  }

  func peek() -> UInt8? { position < bytes.count ? bytes[position] : nil }

  func fail(_ reason: String) -> Failure { Failure(offset: position, reason: reason) }

  private mutating func enter() throws(Failure) {
    depth += 1
    if depth > Self.maxDepth { throw fail("nesting too deep") }
  }

  private mutating func expect(_ byte: UInt8) throws(Failure) {
    skipWhitespace()
    guard peek() == byte else { throw fail("expected \(Character(Unicode.Scalar(byte)))") }
    position += 1
  }

  private mutating func readLiteral(_ literal: StaticString) throws(Failure) {
    let count = literal.utf8CodeUnitCount
    guard position + count <= bytes.count else { throw fail("truncated literal") }
    for offset in 0..<count where bytes[position + offset] != literal.utf8Start[offset] {
      throw fail("invalid literal")
    }
    position += count
  }

  private mutating func readKeyBytes() throws(Failure) -> JSONKey {
    guard peek() == UInt8(ascii: "\"") else { throw fail("expected a key") }
    let start = position + 1
    var cursor = start
    while cursor < bytes.count {
      let byte = bytes[cursor]
      if byte == UInt8(ascii: "\"") {
        position = cursor + 1
        return JSONKey(bytes: UnsafeBufferPointer(rebasing: bytes[start..<cursor]), escaped: nil)
      }
      if byte == UInt8(ascii: "\\") {
        let text = try readString()
        return JSONKey(bytes: UnsafeBufferPointer(start: nil, count: 0), escaped: text)
      }
      cursor += 1
    }
    throw fail("unterminated key")
  }

  private mutating func skipString() throws(Failure) {
    try expect(UInt8(ascii: "\""))
    while position < bytes.count {
      let byte = bytes[position]
      position += 1
      if byte == UInt8(ascii: "\\") {
        position += 1
      } else if byte == UInt8(ascii: "\"") {
        return
      }
    }
    throw fail("unterminated string")
  }

  private mutating func readEscapedString(from start: Int) throws(Failure) -> String {
    var out = [UInt8](UnsafeBufferPointer(rebasing: bytes[start..<position]))
    out.reserveCapacity(out.count + 16)
    while position < bytes.count {
      let byte = bytes[position]
      position += 1
      switch byte {
      case UInt8(ascii: "\""):
        return String(decoding: out, as: UTF8.self)
      case UInt8(ascii: "\\"):
        try appendEscape(to: &out)
      default:
        out.append(byte)
      }
    }
    throw fail("unterminated string")
  }

  private mutating func appendEscape(to out: inout [UInt8]) throws(Failure) {
    guard let code = peek() else { throw fail("unterminated escape") }
    position += 1
    switch code {
    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(code)
    case UInt8(ascii: "b"): out.append(0x08)
    case UInt8(ascii: "f"): out.append(0x0C)
    case UInt8(ascii: "n"): out.append(0x0A)
    case UInt8(ascii: "r"): out.append(0x0D)
    case UInt8(ascii: "t"): out.append(0x09)
    case UInt8(ascii: "u"):
      var scalar = try readHex4()
      if (0xD800...0xDBFF).contains(scalar) {
        // A high surrogate must pair with a following \uDC00–\uDFFF; a lone one becomes U+FFFD.
        if position + 6 <= bytes.count, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u")
        {
          let saved = position
          position += 2
          let low = try readHex4()
          if (0xDC00...0xDFFF).contains(low) {
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
          } else {
            position = saved
            scalar = 0xFFFD
          }
        } else {
          scalar = 0xFFFD
        }
      } else if (0xDC00...0xDFFF).contains(scalar) {
        scalar = 0xFFFD
      }
      let unicode = Unicode.Scalar(scalar) ?? "\u{FFFD}"
      out.append(contentsOf: UTF8.encode(unicode).map { Array($0) } ?? [])
    default:
      throw fail("invalid escape")
    }
  }

  private mutating func readHex4() throws(Failure) -> UInt32 {
    guard position + 4 <= bytes.count else { throw fail("truncated \\u escape") }
    var value: UInt32 = 0
    for _ in 0..<4 {
      let byte = bytes[position]
      position += 1
      let digit: UInt32
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
      default: throw fail("invalid \\u escape")
      }
      value = value << 4 | digit
    }
    return value
  }

  private static func isNumberByte(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"),
      UInt8(ascii: "+"), UInt8(ascii: "-"):
      return true
    default:
      return false
    }
  }
}
