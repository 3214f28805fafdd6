#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The self-pipe that wakes ``InputWatcher``'s thread; closed when both sides let go of it.
final class InputWakePipe: Sendable {
  let readEnd: Int32
  private let writeEnd: Int32

  enum Message { case stop, rearm, nothing }

  init?() {
    var ends: [Int32] = [0, 0]
    guard pipe(&ends) == 0 else { return nil }
    readEnd = ends[0]
    writeEnd = ends[1]
    for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
    // A full pipe already holds a wake-up; writers must never block.
    _ = fcntl(writeEnd, F_SETFL, fcntl(writeEnd, F_GETFL) | O_NONBLOCK)
  }

  deinit {
    close(readEnd)
    close(writeEnd)
  }

  func send(_ byte: UInt8) {
    var value = byte
    while write(writeEnd, &value, 1) < 0, errno == EINTR {}
  }

  /// Reads what is waiting; a stop request (or a closed pipe) wins over a rearm.
  func receive() -> Message {
    var bytes = [UInt8](repeating: 0, count: 64)
    let count = read(readEnd, &bytes, bytes.count)
    if count == 0 { return .stop }
    if count < 0 { return .nothing }
    if bytes[0..<count].contains(InputWatcher.stopByte) { return .stop }
    return bytes[0..<count].contains(InputWatcher.rearmByte) ? .rearm : .nothing
  }
}
