#if canImport(Glibc)
  import Glibc
#endif

/// Where the CLI writes: a file descriptor in production, a string in tests.
public protocol OutputSink: AnyObject, Sendable {
  func write(_ text: String)
  /// Whether this is an interactive terminal (styling and sanitising apply only then).
  var isTerminal: Bool { get }
}

/// Writes straight to a file descriptor, unbuffered, so streamed text appears as it is released.
public final class FileDescriptorSink: OutputSink, Sendable {
  let descriptor: Int32
  public let isTerminal: Bool

  public init(descriptor: Int32) {
    self.descriptor = descriptor
    isTerminal = isatty(descriptor) == 1
  }

  public func write(_ text: String) {
    let bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeBytes { buffer -> Int in
        guard let base = buffer.baseAddress else { return 0 }
        return Glibc.write(descriptor, base + offset, buffer.count - offset)
      }
      if written < 0 {
        if errno == EINTR { continue }
        return  // a closed pipe: nothing more can be said
      }
      offset += written
    }
  }

  public static let standardOutput = FileDescriptorSink(descriptor: 1)
  public static let standardError = FileDescriptorSink(descriptor: 2)
}
