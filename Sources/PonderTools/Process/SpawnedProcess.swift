#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A `/bin/sh -c` child in its own process group, with stdin from `/dev/null` and stdout and stderr
/// on pipes whose read ends the parent holds (non-blocking).
///
/// Started with `posix_spawn` and `POSIX_SPAWN_SETPGROUP`, so `kill(-pid, SIGKILL)` reaches the
/// shell and everything it started (unless something left the group with `setsid`). Signals the
/// parent ignores (the CLI ignores SIGINT) are reset to their defaults in the child.
struct SpawnedProcess: Sendable {
  let pid: pid_t
  let stdout: Int32
  let stderr: Int32

  /// The script `sh` runs first: enter the workspace, then become the command (same pid, same group).
  private static let launcher = #"cd -- "$1" || exit 126; exec /bin/sh -c "$2""#

  static func spawn(command: String, directory: String) throws(ToolFailure) -> SpawnedProcess {
    let out = try ProcessPipe()
    let err: ProcessPipe
    do {
      err = try ProcessPipe()
    } catch {
      out.closeBoth()
      throw error
    }
    let (pid, code) = launch(["/bin/sh", "-c", launcher, "ponder-run_command", directory, command], out: out, err: err)
    close(out.write)
    close(err.write)
    guard code == 0 else {
      close(out.read)
      close(err.read)
      throw ToolFailure("cannot start /bin/sh: \(POSIX.describe(code)).")
    }
    for descriptor in [out.read, err.read] {
      _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
    }
    return SpawnedProcess(pid: pid, stdout: out.read, stderr: err.read)
  }

  /// Ends the whole process group at once.
  func killGroup() {
    kill(-pid, SIGKILL)
  }

  /// `posix_spawn` itself: the child's pid and the error code (0 when it started).
  private static func launch(_ arguments: [String], out: ProcessPipe, err: ProcessPipe) -> (pid_t, Int32) {
    GroupSpawn.spawn(
      arguments, environment: nil, stdin: .devNull, stdout: out.write, stderr: err.write, searchPath: false)
  }
}
