#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A pipe whose two ends are closed on exec (the child gets only the duplicates on 1 and 2).
struct ProcessPipe {
  let read: Int32
  let write: Int32

  init() throws(ToolFailure) {
    var ends: [Int32] = [-1, -1]
    guard pipe(&ends) == 0 else { throw ToolFailure("cannot create a pipe: \(POSIX.describe(errno)).") }
    read = ends[0]
    write = ends[1]
    _ = fcntl(read, F_SETFD, FD_CLOEXEC)
    _ = fcntl(write, F_SETFD, FD_CLOEXEC)
  }

  func closeBoth() {
    close(read)
    close(write)
  }
}
