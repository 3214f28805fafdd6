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
    /// Reaped by someone else: it ended, but how is not known.
    case unknown

    var description: String {
      switch self {
      case .exited(let code): return "exited with status \(code)"
      case .signalled(let signal): return "was killed by signal \(signal)"
      case .unknown: return "exited"
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
    guard currentStatus == nil else { return }
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
    // The transport may still hold the descriptor for writing, so the pipe is shut by putting
    // /dev/null in its place rather than by freeing the number for reuse.
    lock.withLock {
      guard !descriptorsClosed else { return }
      let devNull = open("/dev/null", O_WRONLY | O_CLOEXEC)
      if devNull >= 0 {
        dup2(devNull, input)
        _ = fcntl(input, F_SETFD, FD_CLOEXEC)
        close(devNull)
      }
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
      var ended = ExitStatus.unknown
      while true {
        if waitpid(pid, &raw, 0) == pid {
          ended = (raw & 0x7F) == 0 ? .exited((raw >> 8) & 0xFF) : .signalled(raw & 0x7F)
          break
        }
        if errno != EINTR { break }  // ECHILD: something else reaped it
      }
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
