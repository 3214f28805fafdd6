extension JSONValue {
  /// Parses one complete JSON text.
  public static func parse(_ bytes: some Collection<UInt8>) throws(JSONReader.Failure) -> JSONValue {
    let result = withContiguousBytes(bytes) { buffer in
      Result { () throws(JSONReader.Failure) -> JSONValue in
        var reader = JSONReader(buffer)
        let value = try reader.readValue()
        try reader.expectEnd()
        return value
      }
    }
    return try result.get()
  }

  /// Parses one complete JSON text given as a String.
  public static func parse(_ text: String) throws(JSONReader.Failure) -> JSONValue {
    try parse(Array(text.utf8))
  }
}

extension JSONReader {
  /// Reads the next value into a tree.
  public mutating func readValue() throws(Failure) -> JSONValue {
    switch peekKind() {
    case .object:
      var members: [JSONMember] = []
      try readObject { key, reader throws(Failure) in
        members.append(JSONMember(key.string, try reader.readValue()))
      }
      return .object(members)
    case .array:
      var items: [JSONValue] = []
      try readArray { reader throws(Failure) in items.append(try reader.readValue()) }
      return .array(items)
    case .string: return .string(try readString())
    case .number: return .number(try readNumber())
    case .bool: return .bool(try readBoolOrNull() ?? false)
    case .null:
      _ = try readStringOrNull()
      return .null
    case .end: throw fail("expected a value")
    }
  }
}

/// Runs `body` over the bytes of `bytes` as one contiguous buffer, copying only when needed.
@inline(__always)
func withContiguousBytes<R>(_ bytes: some Collection<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
  if let result = bytes.withContiguousStorageIfAvailable(body) { return result }
  return Array(bytes).withUnsafeBufferPointer(body)
}

extension JSONReader {
  /// Reads one whole JSON record with `read`, which must consume all of it: how every decoder
  /// turns a record or an SSE event's data into its chunk type.
  static func readWhole<Value>(
    _ bytes: some Collection<UInt8>, _ read: (inout JSONReader) throws(JSONReader.Failure) -> Value
  ) -> Result<Value, JSONReader.Failure> {
    withContiguousBytes(bytes) { buffer in
      Result { () throws(JSONReader.Failure) in
        var reader = JSONReader(buffer)
        let value = try read(&reader)
        try reader.expectEnd()
        return value
      }
    }
  }
}
