import PonderScreen
import PonderTools

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs native clipboard programs (wl-copy, xclip, xsel, pbcopy) for ``ClipboardPlan``, started
/// like every other child of Ponder (``GroupSpawn``: a process group of its own, default signals).
enum ClipboardRunner {
  static var isMacOS: Bool {
    #if os(macOS)
      return true
    #else
      return false
    #endif
  }

  /// The clipboard tools found on `PATH`.
  static func toolsOnPath() -> Set<ClipboardTool> {
    let path = getenv("PATH").map { String(cString: $0) } ?? ""
    let directories = path.split(separator: ":").map(String.init)
    return Set(
      ClipboardTool.allCases.filter { tool in
        directories.contains { access("\($0)/\(tool.rawValue)", X_OK) == 0 }
      })
  }

  /// How long a clipboard program may take before it is killed and the copy counts as failed.
  static let deadline: Duration = .seconds(3)

  /// Writes `text` to the program's standard input; true when it exited 0 within ``deadline``.
  static func run(_ method: ClipboardMethod, text: String) -> Bool {
    guard case .command(let executable, let arguments) = method else { return false }
    var input: [Int32] = [-1, -1]
    guard pipe(&input) == 0 else { return false }
    let devNull = open("/dev/null", O_WRONLY)
    defer { if devNull >= 0 { close(devNull) } }
    _ = fcntl(input[1], F_SETFD, FD_CLOEXEC)
    let (pid, code) = GroupSpawn.spawn(
      [executable] + arguments, environment: nil, stdin: .descriptor(input[0]), stdout: devNull, stderr: devNull,
      searchPath: true)
    close(input[0])
    guard code == 0 else {
      close(input[1])
      return false
    }
    // A broken pipe (the program exited early) must not end Ponder: SIGPIPE is blocked by the
    // caller's handlers or ignored; a failed write just means the copy failed.
    let bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeBytes { write(input[1], $0.baseAddress! + offset, bytes.count - offset) }
      if written < 0, errno == EINTR { continue }
      guard written > 0 else { break }
      offset += written
    }
    close(input[1])
    return waitForExit(pid, within: deadline) == 0
  }

  /// The exit status of `pid`, or nil after killing its group when it runs past `limit`.
  private static func waitForExit(_ pid: pid_t, within limit: Duration) -> Int32? {
    let clock = ContinuousClock()
    let end = clock.now + limit
    var status: Int32 = 0
    while clock.now < end {
      let reaped = waitpid(pid, &status, WNOHANG)
      if reaped == pid { return (status & 0x7F) == 0 ? (status >> 8) & 0xFF : nil }
      if reaped < 0, errno != EINTR { return nil }
      var pause = timespec(tv_sec: 0, tv_nsec: 20_000_000)
      nanosleep(&pause, nil)
    }
    kill(-pid, SIGKILL)
    _ = waitpid(pid, &status, 0)
    return nil
  }
}
