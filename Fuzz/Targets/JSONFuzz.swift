import PonderCore

/// `scripts/fuzz json`: ``JSONValue/parse(_:)`` over the raw input (no header: the input is the
/// JSON text, read in place so AddressSanitizer sees every read past its end). When it parses:
/// ``JSONReader/skipValue()`` accepts it too and stops at the same place; the serialized text
/// parses back to the same value (non-finite numbers become `null`) and serializes identically.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = UnsafeBufferPointer(start: data, count: size)
  var reader = JSONReader(bytes)
  let parsed: JSONValue
  do {
    parsed = try reader.readValue()
    try reader.expectEnd()
  } catch {
    FuzzCheck.require(error.offset >= 0 && error.offset <= size, "failure offset \(error.offset) outside 0…\(size)")
    return 0
  }
  var skipper = JSONReader(bytes)
  let skipped = Result { () throws(JSONReader.Failure) in
    try skipper.skipValue()
    try skipper.expectEnd()
  }
  FuzzCheck.require((try? skipped.get()) != nil, "parses but skipValue fails: \(skipped)")
  let text = parsed.serialized
  let again: JSONValue
  do {
    again = try JSONValue.parse(text)
  } catch {
    FuzzCheck.require(false, "serialized text does not parse: \(error) in \(text)")
    return 0
  }
  FuzzCheck.require(again.serialized == text, "serializing is not stable: \(text) then \(again.serialized)")
  FuzzCheck.require(!parsed.isFinite || again == parsed, "round trip changed the value: \(parsed) became \(again)")
  return 0
}

extension JSONValue {
  /// Whether every number in the value is finite (`1e999` reads as infinity, written as `null`).
  fileprivate var isFinite: Bool {
    switch self {
    case .number(let number): return number.isFinite
    case .array(let items): return items.allSatisfy(\.isFinite)
    case .object(let members): return members.allSatisfy(\.value.isFinite)
    case .null, .bool, .string: return true
    }
  }
}
