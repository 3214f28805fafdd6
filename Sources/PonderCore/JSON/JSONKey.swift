/// An object key as read from the wire, compared without allocating a String.
///
/// Valid only inside the ``JSONReader/readObject(_:)`` callback that produced it.
public struct JSONKey {
  let bytes: UnsafeBufferPointer<UInt8>
  let escaped: String?

  init(bytes: UnsafeBufferPointer<UInt8>, escaped: String?) {
    self.bytes = bytes
    self.escaped = escaped
  }

  /// Whether the key equals `literal` (an ASCII key name).
  public func matches(_ literal: StaticString) -> Bool {
    if let escaped { return escaped == literal.description }
    let count = literal.utf8CodeUnitCount
    guard bytes.count == count else { return false }
    for offset in 0..<count where bytes[offset] != literal.utf8Start[offset] { return false }
    return true
  }

  /// The key as a String (allocates; for building trees, not for the hot path).
  public var string: String {
    escaped ?? String(decoding: bytes, as: UTF8.self)
  }
}
