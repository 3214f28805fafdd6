import PonderCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reading and writing the bridge's lines on a file descriptor, for both ends: Ponder (the
/// helper's stdout) and `ponder-mcp` (its stdin). Blocking: run the reading on a thread of its own.
public enum MCPBridgeIO {
  /// The longest line accepted (tool results are capped far below this).
  static let maxLineLength = 64 << 20

  /// Calls `body` with each non-empty line read from `descriptor` until its end (or a read error,
  /// or a line past the cap).
  public static func readLines(from descriptor: Int32, _ body: ([UInt8]) -> Void) {
    var framer = NDJSONFramer(maxRecordLength: maxLineLength)
    var buffer = [UInt8](repeating: 0, count: 64 << 10)
    while true {
      let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count < 0, errno == EINTR { continue }
      guard count > 0 else { break }
      framer.append(buffer[0..<count])
      do {
        while let line = try framer.nextRecord() { body(Array(line)) }
      } catch {
        return
      }
    }
    if let last = framer.finish() { body(Array(last)) }
  }

  /// Writes `line` and a newline to `descriptor`; false when the other end no longer reads.
  @discardableResult
  public static func write(_ line: String, to descriptor: Int32) -> Bool {
    var bytes = Array(line.utf8)
    bytes.append(0x0A)
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeBytes { systemWrite(descriptor, $0.baseAddress! + offset, bytes.count - offset) }
      if written < 0, errno == EINTR { continue }
      guard written > 0 else { return false }
      offset += written
    }
    return true
  }
}

private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
  write(descriptor, bytes, count)
}
