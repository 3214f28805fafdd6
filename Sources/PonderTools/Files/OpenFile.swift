#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An open file descriptor that closes itself: the tools read files in bounded chunks through it,
/// never whole.
struct OpenFile: ~Copyable {
  let descriptor: Int32

  /// Opens for reading without following a final symlink (the workspace already resolved it).
  static func forReading(_ path: String, shownAs name: String) throws(ToolFailure) -> OpenFile {
    let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
    guard descriptor >= 0 else {
      throw ToolFailure("cannot open \(name): \(POSIX.describe(errno)).")
    }
    return OpenFile(descriptor: descriptor)
  }

  private init(descriptor: Int32) {
    self.descriptor = descriptor
  }

  init(adopting descriptor: Int32) {
    self.descriptor = descriptor
  }

  deinit { close(descriptor) }

  /// Up to `count` bytes; empty at the end of the file.
  func read(upTo count: Int) throws(ToolFailure) -> [UInt8] {
    var buffer = [UInt8](repeating: 0, count: count)
    while true {
      let got = buffer.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, count) }
      if got >= 0 {
        buffer.removeLast(count - got)
        return buffer
      }
      if errno == EINTR { continue }
      throw ToolFailure("cannot read the file: \(POSIX.describe(errno)).")
    }
  }

  /// Fills up to `count` bytes, reading until the end of the file if needed.
  func readFully(upTo count: Int) throws(ToolFailure) -> [UInt8] {
    var collected: [UInt8] = []
    while collected.count < count {
      let chunk = try read(upTo: count - collected.count)
      if chunk.isEmpty { break }
      collected += chunk
    }
    return collected
  }

  /// Writes all of `bytes`.
  func write(_ bytes: [UInt8]) throws(ToolFailure) {
    var offset = 0
    while offset < bytes.count {
      let wrote = bytes.withUnsafeBytes { buffer in
        systemWrite(descriptor, buffer.baseAddress.map { $0 + offset }, bytes.count - offset)
      }
      if wrote < 0 {
        if errno == EINTR { continue }
        throw ToolFailure("cannot write the file: \(POSIX.describe(errno)).")
      }
      offset += wrote
    }
  }
}

#if canImport(Glibc)
  private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    Glibc.read(fd, buffer, count)
  }
  private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    Glibc.write(fd, buffer, count)
  }
#elseif canImport(Darwin)
  private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    Darwin.read(fd, buffer, count)
  }
  private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    Darwin.write(fd, buffer, count)
  }
#endif
