import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A started MCP server: its stdin and stdout on pipes Ponder holds, its stderr appended to a log
/// file (or thrown away: the terminal belongs to the TUI), in a process group of its own.
///
/// Its own group keeps the terminal's signals away from it and lets ``terminate()`` reach whatever
/// it started (`npx` starts `node`). A thread waits for it to exit, so it is always reaped and
/// ``exitStatus()`` tells when and how it ended.
final class ServerProcess: @unchecked Sendable {
  let pid: pid_t
  /// Ponder's end of the server's stdin.
  let input: Int32
  /// Ponder's end of the server's stdout.
  let output: Int32

  private let lock = NSLock()
  private var status: ExitStatus?
  private var waiters: [CheckedContinuation<ExitStatus, Never>] = []
  private var descriptorsClosed = false

  /// How a server process ended.
  enum ExitStatus: Sendable, Equatable, CustomStringConvertible {
    case exited(Int32)
    case signalled(Int32)

    var description: String {
      switch self {
      case .exited(let code): return "exited with status \(code)"
      case .signalled(let signal): return "was killed by signal \(signal)"
      }
    }
  }

  private init(pid: pid_t, input: Int32, output: Int32) {
    self.pid = pid
    self.input = input
    self.output = output
  }

  /// Starts `command` (looked up on `PATH` when it has no `/`) with `arguments`, Ponder's
  /// environment plus `environment`, and stderr appended to `stderrPath` (nil: `/dev/null`).
  static func start(
    command: String, arguments: [String], environment: [String: String], stderrPath: String?
  ) throws(StartFailure) -> ServerProcess {
    guard let toChild = closeOnExecPipe() else { throw StartFailure("cannot create a pipe: \(errnoText(errno))") }
    guard let fromChild = closeOnExecPipe() else {
      toChild.forEach { close($0) }
      throw StartFailure("cannot create a pipe: \(errnoText(errno))")
    }

    let logPath = stderrPath ?? "/dev/null"
    let log = open(logPath, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
    guard log >= 0 else {
      (toChild + fromChild).forEach { close($0) }
      throw StartFailure("cannot open the log file \(logPath): \(errnoText(errno))")
    }
    var merged = ProcessInfo.processInfo.environment
    merged.merge(environment) { _, configured in configured }
    let (pid, code) = spawn(
      [command] + arguments, environment: merged.map { "\($0.key)=\($0.value)" },
      stdin: toChild[0], stdout: fromChild[1], stderr: log)
    close(log)
    close(toChild[0])
    close(fromChild[1])
    guard code == 0 else {
      close(toChild[1])
      close(fromChild[0])
      throw StartFailure(describeSpawnError(code, command: command))
    }
    let process = ServerProcess(pid: pid, input: toChild[1], output: fromChild[0])
    process.watchForExit()
    return process
  }

  /// Why a server could not be started.
  struct StartFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
  }

  /// The status once the process has exited, without waiting.
  var currentStatus: ExitStatus? {
    lock.withLock { status }
  }

  /// Waits until the process has exited.
  func exitStatus() async -> ExitStatus {
    await withCheckedContinuation { continuation in
      let known: ExitStatus? = lock.withLock {
        if let status { return status }
        waiters.append(continuation)
        return nil
      }
      if let known { continuation.resume(returning: known) }
    }
  }

  /// Stops the server the way the MCP stdio transport asks: close its stdin, give it `grace` to
  /// exit, then SIGTERM, then SIGKILL, each to the whole group. Returns when it has exited (or
  /// after the SIGKILL, which cannot be refused).
  func terminate(grace: Duration = .milliseconds(500)) async {
    closeInput()
    if await waitForExit(within: grace) { return }
    killGroup(SIGTERM)
    if await waitForExit(within: grace * 2) { return }
    killGroup(SIGKILL)
    _ = await waitForExit(within: .seconds(2))
  }

  /// Closes both pipe ends; only once nothing reads or writes them any more.
  func closeDescriptors() {
    let first = lock.withLock {
      defer { descriptorsClosed = true }
      return !descriptorsClosed
    }
    guard first else { return }
    close(input)
    close(output)
  }

  /// Sends `signal` to the server's process group (what is left of it).
  func killGroup(_ signal: Int32) {
    kill(-pid, signal)
  }

  private func closeInput() {
    // Only a half-close: the transport may still hold the descriptor for writing, so shut the
    // pipe by replacing it with /dev/null rather than freeing the number for reuse.
    let devNull = open("/dev/null", O_WRONLY)
    if devNull >= 0 {
      dup2(devNull, input)
      close(devNull)
    }
  }

  private func waitForExit(within limit: Duration) async -> Bool {
    let deadline = ContinuousClock.now + limit
    while currentStatus == nil {
      if ContinuousClock.now >= deadline { return false }
      try? await Task.sleep(for: .milliseconds(10))
    }
    return true
  }

  private func watchForExit() {
    let thread = Thread { [self] in
      var raw: Int32 = 0
      while waitpid(pid, &raw, 0) < 0 {
        if errno != EINTR {
          raw = 0xFF00  // cannot happen for our own child; report "exited with status 255"
          break
        }
      }
      let ended: ExitStatus = (raw & 0x7F) == 0 ? .exited((raw >> 8) & 0xFF) : .signalled(raw & 0x7F)
      // What the server started dies with it.
      killGroup(SIGKILL)
      let resumed = lock.withLock {
        status = ended
        defer { waiters = [] }
        return waiters
      }
      resumed.forEach { $0.resume(returning: ended) }
    }
    thread.name = "ponder-mcp-wait-\(pid)"
    thread.start()
  }
}
