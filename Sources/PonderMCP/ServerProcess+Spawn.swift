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
    #if canImport(Glibc)
      var actions = posix_spawn_file_actions_t()
      var attributes = posix_spawnattr_t()
    #else
      var actions: posix_spawn_file_actions_t?
      var attributes: posix_spawnattr_t?
    #endif
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, stdin, 0)
    posix_spawn_file_actions_adddup2(&actions, stdout, 1)
    posix_spawn_file_actions_adddup2(&actions, stderr, 2)

    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
    posix_spawnattr_setpgroup(&attributes, 0)
    var defaults = sigset_t()
    sigemptyset(&defaults)
    for signal in [SIGINT, SIGQUIT, SIGPIPE, SIGTERM, SIGHUP, SIGTSTP, SIGTTIN, SIGTTOU, SIGCHLD, SIGUSR1, SIGUSR2, SIGALRM] {
      sigaddset(&defaults, signal)
    }
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    var mask = sigset_t()
    sigemptyset(&mask)
    posix_spawnattr_setsigmask(&attributes, &mask)

    let cArguments: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
    let cEnvironment: [UnsafeMutablePointer<CChar>?] = environment.map { strdup($0) } + [nil]
    defer {
      cArguments.forEach { free($0) }
      cEnvironment.forEach { free($0) }
    }
    var pid = pid_t()
    let code = posix_spawnp(&pid, arguments[0], &actions, &attributes, cArguments, cEnvironment)
    return (pid, code)
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
