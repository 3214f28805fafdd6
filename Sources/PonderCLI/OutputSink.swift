#if canImport(Glibc)
  import Glibc
  private let systemWrite = Glibc.write
#elseif canImport(Darwin)
  import Darwin
  private let systemWrite = Darwin.write
#endif
import Foundation
import PonderCore

/// Where the CLI writes: a file descriptor in production, a string in tests.
public protocol OutputSink: AnyObject, Sendable {
  func write(_ text: String)
  /// Whether this is an interactive terminal (styling and sanitising apply only then).
  var isTerminal: Bool { get }
  /// Why writing stopped (the reader went away, the disk is full); `nil` while writes succeed.
  /// After a failure nothing more is written.
  var writeFailure: String? { get }
}

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

extension OutputSink {
  /// One `ponder: …` line: whatever it quotes (a server's error text, a tool's failure, a model's
  /// arguments) has its control characters neutralised and its line breaks folded, so no escape
  /// sequence from outside reaches a terminal and the message stays one line.
  public func note(_ text: String) {
    write("ponder: " + Self.oneLine(text) + "\n")
  }

  /// Text made safe for a terminal and folded onto one line.
  public static func oneLine(_ text: String) -> String {
    TerminalText.neutralised(text.replacing("\r\n", with: " ").replacing("\n", with: " "))
  }
}
