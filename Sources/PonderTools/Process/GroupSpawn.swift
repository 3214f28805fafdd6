#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Starts a program in a process group of its own, so one `kill(-pid, …)` reaches it and
/// everything it starts; shared by `run_command` and MCP servers.
///
/// Signals the parent ignores (the CLI ignores SIGINT, MCP sets SIGPIPE to ignored) are reset to
/// their defaults in the child, and no signal is blocked there.
public enum GroupSpawn {
  /// Where the child's standard input comes from.
  public enum Input: Sendable {
    case devNull
    case descriptor(Int32)
  }

  /// `posix_spawn` (or `posix_spawnp` when `searchPath`, looking `arguments[0]` up on `PATH`)
  /// with stdout and stderr on the given descriptors. `environment` `nil` passes Ponder's own.
  /// Returns the pid and 0, or an errno (ENOENT for a missing command).
  public static func spawn(
    _ arguments: [String], environment: [String]?, stdin: Input, stdout: Int32, stderr: Int32, searchPath: Bool
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
    switch stdin {
    case .devNull: posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    case .descriptor(let descriptor): posix_spawn_file_actions_adddup2(&actions, descriptor, 0)
    }
    posix_spawn_file_actions_adddup2(&actions, stdout, 1)
    posix_spawn_file_actions_adddup2(&actions, stderr, 2)
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
    posix_spawnattr_setpgroup(&attributes, 0)
    var defaults = sigset_t()
    sigemptyset(&defaults)
    let reset = [
      SIGINT, SIGQUIT, SIGPIPE, SIGTERM, SIGHUP, SIGTSTP, SIGTTIN, SIGTTOU, SIGCHLD, SIGUSR1, SIGUSR2, SIGALRM,
    ]
    for signal in reset { sigaddset(&defaults, signal) }
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    var mask = sigset_t()
    sigemptyset(&mask)
    posix_spawnattr_setsigmask(&attributes, &mask)

    let cArguments: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
    let cEnvironment: [UnsafeMutablePointer<CChar>?]? = environment.map { $0.map { strdup($0) } + [nil] }
    defer {
      cArguments.forEach { free($0) }
      cEnvironment?.forEach { free($0) }
    }
    var pid = pid_t()
    let code: Int32
    if let cEnvironment {
      code =
        searchPath
        ? posix_spawnp(&pid, arguments[0], &actions, &attributes, cArguments, cEnvironment)
        : posix_spawn(&pid, arguments[0], &actions, &attributes, cArguments, cEnvironment)
    } else {
      code =
        searchPath
        ? posix_spawnp(&pid, arguments[0], &actions, &attributes, cArguments, inherited)
        : posix_spawn(&pid, arguments[0], &actions, &attributes, cArguments, inherited)
    }
    return (pid, code)
  }

  private static var inherited: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
    #if canImport(Glibc)
      return environ
    #else
      return _NSGetEnviron().pointee
    #endif
  }
}
