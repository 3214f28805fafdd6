import Dispatch
import Foundation

/// A named pipe a command writes a line to once it has started: the test waits for that line —
/// read on a thread of its own, woken by the write — instead of sleeping or polling a file.
///
/// The read end is opened (non-blocking) at once, so a command's `echo … > fifo` never blocks.
final class FIFOLine: @unchecked Sendable {
  let path: String
  private let descriptor: Int32

  init(in directory: String) throws {
    path = directory + "/signal-\(UUID().uuidString).fifo"
    guard mkfifo(path, 0o600) == 0 else { throw POSIXError(.EIO) }
    descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard descriptor >= 0 else { throw POSIXError(.EIO) }
  }

  deinit {
    close(descriptor)
    unlink(path)
  }

  /// The first line written, without its newline; `nil` if none came within `limit` (which only
  /// bounds a failure).
  func read(within limit: Duration = .seconds(60)) async -> String? {
    await withCheckedContinuation { continuation in
      DispatchQueue(label: "ponder.tests.fifo").async { continuation.resume(returning: self.readLine(limit)) }
    }
  }

  private func readLine(_ limit: Duration) -> String? {
    let deadline = ContinuousClock.now + limit
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 256)
    while ContinuousClock.now < deadline {
      let left = deadline - ContinuousClock.now
      var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
      let milliseconds = Int32(left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000)
      guard poll(&entry, 1, max(1, milliseconds)) > 0 else { continue }
      let count = buffer.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
      if count > 0 { bytes += buffer.prefix(count) }
      if let newline = bytes.firstIndex(of: 0x0A) { return String(decoding: bytes[..<newline], as: UTF8.self) }
      if count == 0, !bytes.isEmpty { return String(decoding: bytes, as: UTF8.self) }
    }
    return nil
  }
}
