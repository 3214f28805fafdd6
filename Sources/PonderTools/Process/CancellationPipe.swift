#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A pipe that a cancellation handler writes one byte to, waking the watch loop's `poll`.
///
/// Both ends are closed when the last reference goes, which is after both the handler and the
/// loop are done with it, so a late `fire()` never writes to a reused descriptor.
final class CancellationPipe: Sendable {
  let read: Int32
  let write: Int32

  init() throws(ToolFailure) {
    var ends: [Int32] = [-1, -1]
    guard pipe(&ends) == 0 else { throw ToolFailure("cannot create a pipe: \(POSIX.describe(errno)).") }
    read = ends[0]
    write = ends[1]
    for descriptor in ends {
      _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
      _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
    }
  }

  deinit {
    close(read)
    close(write)
  }

  func fire() {
    var byte: UInt8 = 1
    _ = systemWrite(write, &byte, 1)
  }
}

#if canImport(Glibc)
  private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    Glibc.write(fd, buffer, count)
  }
#elseif canImport(Darwin)
  private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    Darwin.write(fd, buffer, count)
  }
#endif
