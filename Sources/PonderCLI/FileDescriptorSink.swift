import Foundation
import PonderCore

#if canImport(Glibc)
  import Glibc
  private let systemWrite = Glibc.write
#elseif canImport(Darwin)
  import Darwin
  private let systemWrite = Darwin.write
#endif

/// Writes straight to a file descriptor, unbuffered, so streamed text appears as it is released.
public final class FileDescriptorSink: OutputSink, @unchecked Sendable {
  let descriptor: Int32
  public let isTerminal: Bool
  private let lock = NSLock()
  private var failure: String?

  public init(descriptor: Int32) {
    self.descriptor = descriptor
    isTerminal = isatty(descriptor) == 1
  }

  public var writeFailure: String? { lock.withLock { failure } }

  public func write(_ text: String) {
    lock.withLock {
      guard failure == nil else { return }
      let bytes = Array(text.utf8)
      var offset = 0
      while offset < bytes.count {
        let written = bytes.withUnsafeBytes { buffer -> Int in
          guard let base = buffer.baseAddress else { return 0 }
          return systemWrite(descriptor, base + offset, buffer.count - offset)
        }
        if written < 0 {
          if errno == EINTR { continue }
          failure = errno == EPIPE ? "the reader closed the pipe" : String(cString: strerror(errno))
          return
        }
        offset += written
      }
    }
  }

  public static let standardOutput = FileDescriptorSink(descriptor: 1)
  public static let standardError = FileDescriptorSink(descriptor: 2)
}
