#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads a child's stdout and stderr pipes as data arrives, into bounded ``OutputCapture``s.
///
/// Reads at most 1 MB per pipe per wake so neither starves the other, and closes each pipe at
/// its end of file. Memory stays at the two captures plus one 64 KB scratch buffer.
struct PipeReader {
  private var descriptors: [Int32?]
  private(set) var stdout: OutputCapture
  private(set) var stderr: OutputCapture

  init(stdout: Int32, stderr: Int32, limit: Int) {
    descriptors = [stdout, stderr]
    self.stdout = OutputCapture(limit: limit)
    self.stderr = OutputCapture(limit: limit)
  }

  var isOpen: Bool { descriptors.contains { $0 != nil } }

  /// Waits up to `seconds` for output (or the wake descriptor) and reads what came.
  /// - Returns: whether the wake descriptor became readable.
  mutating func poll(wake: Int32?, seconds: Double) -> Bool {
    var entries: [pollfd] = descriptors.compactMap { $0 }.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
    if let wake { entries.append(pollfd(fd: wake, events: Int16(POLLIN), revents: 0)) }
    let milliseconds = Int32((seconds * 1000).rounded(.up))
    guard systemPoll(&entries, entries.count, milliseconds) > 0 else { return false }
    var woken = false
    for entry in entries where entry.revents != 0 {
      if entry.fd == wake {
        woken = true
      } else if let index = descriptors.firstIndex(of: entry.fd) {
        drain(index)
      }
    }
    return woken
  }

  private mutating func drain(_ index: Int) {
    guard let descriptor = descriptors[index] else { return }
    let scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 << 10, alignment: 1)
    defer { scratch.deallocate() }
    for _ in 0..<16 {
      let count = read(descriptor, scratch.baseAddress, scratch.count)
      if count > 0 {
        let bytes = UnsafeRawBufferPointer(rebasing: scratch[..<count])
        if index == 0 { stdout.append(bytes) } else { stderr.append(bytes) }
        continue
      }
      if count < 0, errno == EINTR { continue }
      if count < 0, errno == EAGAIN || errno == EWOULDBLOCK { return }
      close(descriptor)
      descriptors[index] = nil
      return
    }
  }

  mutating func closeAll() {
    for case let descriptor? in descriptors { close(descriptor) }
    descriptors = [nil, nil]
  }
}

#if canImport(Glibc)
  private func systemPoll(_ entries: inout [pollfd], _ count: Int, _ timeout: Int32) -> Int32 {
    Glibc.poll(&entries, nfds_t(count), timeout)
  }
#elseif canImport(Darwin)
  private func systemPoll(_ entries: inout [pollfd], _ count: Int, _ timeout: Int32) -> Int32 {
    Darwin.poll(&entries, nfds_t(count), timeout)
  }
#endif
