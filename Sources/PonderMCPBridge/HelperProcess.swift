import Dispatch
import PonderTools

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The running `ponder-mcp`: its stdin and stdout on pipes Ponder holds, stderr on `/dev/null`
/// (the helper moves it to its log file itself), in a process group of its own so the terminal's
/// signals do not reach it.
///
/// A dispatch thread reads its stdout and hands each line to ``events`` in order; when the helper
/// closes its stdout the thread reaps it and ends the stream with how it exited.
final class HelperProcess: Sendable {
  /// A line the helper wrote, or its end.
  enum Event: Sendable {
    case line([UInt8])
    /// It exited: "exited with status 1", "was killed by signal 9".
    case exited(String)
  }

  let pid: pid_t
  private let input: Int32
  let events: AsyncStream<Event>

  /// Starts `executable` (a path). Throws a sentence saying why it could not.
  init(executable: String) throws(MCPBridgeError) {
    var toChild: [Int32] = [-1, -1]
    var fromChild: [Int32] = [-1, -1]
    guard pipe(&toChild) == 0 else { throw MCPBridgeError("cannot create a pipe: \(String(cString: strerror(errno)))") }
    guard pipe(&fromChild) == 0 else {
      toChild.forEach { close($0) }
      throw MCPBridgeError("cannot create a pipe: \(String(cString: strerror(errno)))")
    }
    for descriptor in toChild + fromChild { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
    let devNull = open("/dev/null", O_WRONLY | O_CLOEXEC)
    let (pid, code) = GroupSpawn.spawn(
      [executable], environment: nil, stdin: .descriptor(toChild[0]), stdout: fromChild[1], stderr: devNull,
      searchPath: false)
    close(devNull)
    close(toChild[0])
    close(fromChild[1])
    guard code == 0 else {
      close(toChild[1])
      close(fromChild[0])
      throw MCPBridgeError(String(cString: strerror(code)))
    }
    self.pid = pid
    input = toChild[1]
    let output = fromChild[0]
    let (events, sink) = AsyncStream<Event>.makeStream()
    self.events = events
    DispatchQueue(label: "ponder.mcp-helper.\(pid)").async {
      MCPBridgeIO.readLines(from: output) { sink.yield(.line($0)) }
      close(output)
      sink.yield(.exited(Self.reap(pid)))
      sink.finish()
    }
  }

  /// Writes `line` and a newline; false when the helper no longer reads (it exited).
  @discardableResult
  func send(_ line: String) -> Bool {
    MCPBridgeIO.write(line, to: input)
  }

  /// Closes the helper's stdin: it shuts its servers down and exits.
  func closeInput() {
    close(input)
  }

  /// Ends the helper (and anything left in its group) at once.
  func kill() {
    signalGroup(pid, SIGKILL)
  }

  /// Waits for the helper to exit after it closed its stdout: a moment to exit by itself, then
  /// SIGKILL. Returns how it ended.
  private static func reap(_ pid: pid_t) -> String {
    var status: Int32 = 0
    for attempt in 0...100 {
      let result = waitpid(pid, &status, attempt == 100 ? 0 : WNOHANG)
      if result == pid { return describe(status) }
      if result < 0, errno != EINTR { return "exited" }
      if attempt == 99 { signalGroup(pid, SIGKILL) }
      if result == 0 { usleep(20_000) }
    }
    return "exited"
  }

  private static func describe(_ status: Int32) -> String {
    (status & 0x7F) == 0 ? "exited with status \((status >> 8) & 0xFF)" : "was killed by signal \(status & 0x7F)"
  }
}

/// `kill(2)` to the process group `pid` leads.
private func signalGroup(_ pid: pid_t, _ signal: Int32) {
  _ = kill(-pid, signal)
}
