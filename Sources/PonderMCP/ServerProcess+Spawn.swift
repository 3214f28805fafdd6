import PonderTools

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension ServerProcess {
  /// `posix_spawnp` with stdin, stdout and stderr on the given descriptors, a new process group,
  /// default signal handling and no blocked signals. Returns the pid and 0, or an errno (ENOENT
  /// for a command that is not on `PATH`).
  static func spawn(
    _ arguments: [String], environment: [String], stdin: Int32, stdout: Int32, stderr: Int32
  ) -> (pid_t, Int32) {
    GroupSpawn.spawn(
      arguments, environment: environment, stdin: .descriptor(stdin), stdout: stdout, stderr: stderr, searchPath: true)
  }

  /// A pipe whose ends are closed in every program Ponder starts (the server gets dup2'd copies).
  static func closeOnExecPipe() -> [Int32]? {
    var ends: [Int32] = [-1, -1]
    guard pipe(&ends) == 0 else { return nil }
    for descriptor in ends { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
    return ends
  }

  static func describeSpawnError(_ code: Int32, command: String) -> String {
    switch code {
    case ENOENT where !command.contains("/"):
      return "command \"\(command)\" not found on PATH"
    case ENOENT:
      return "command \"\(command)\" does not exist"
    case EACCES:
      return "command \"\(command)\" cannot be run (permission denied)"
    default:
      return "cannot start \"\(command)\": \(errnoText(code))"
    }
  }
}

/// The system's words for an errno value.
func errnoText(_ code: Int32) -> String {
  String(cString: strerror(code))
}
