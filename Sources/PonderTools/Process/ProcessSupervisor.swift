#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Watches one ``SpawnedProcess`` until it ends, on a thread of its own (the loop blocks in
/// `poll`): reads both pipes into bounded captures, enforces the timeout, reacts to the wake pipe
/// (cancellation), and reaps the child.
///
/// Whatever the ending, the whole process group is killed before the child is reaped (so its pid,
/// which is the group's id, cannot be reused in between): on timeout, on cancel, and when the shell
/// exits normally but left something running in the background.
struct ProcessSupervisor {
  enum Ending: Sendable, Equatable {
    case exited(Int32)
    case signaled(Int32)
    case timedOut
    case cancelled
    /// Someone else reaped the child; its status is unknown.
    case unknown
  }

  struct Report: Sendable {
    var ending: Ending
    var stdout: OutputCapture
    var stderr: OutputCapture
    var seconds: Double
  }

  let process: SpawnedProcess
  let timeout: Double
  let wake: Int32
  let captureLimit: Int
  /// How long to keep reading after the group was killed, in case something outside it holds a pipe.
  let drainGrace = 1.0

  func watch() -> Report {
    let started = POSIX.monotonicSeconds()
    var pipes = PipeReader(stdout: process.stdout, stderr: process.stderr, limit: captureLimit)
    var childGone = false
    var killedFor: Ending?
    var drainUntil: Double?
    while true {
      let now = POSIX.monotonicSeconds()
      if !childGone { childGone = hasExited() }
      if drainUntil == nil, childGone || now >= started + timeout {
        if !childGone { killedFor = .timedOut }
        process.killGroup()
        drainUntil = now + drainGrace
      }
      if childGone, !pipes.isOpen { break }
      if let drainUntil, now >= drainUntil { break }
      let limit = drainUntil ?? started + timeout
      let tick = pipes.isOpen ? 0.02 : 0.005
      let woken = pipes.poll(wake: killedFor == nil ? wake : nil, seconds: min(tick, max(0, limit - now)))
      if woken, killedFor == nil {
        killedFor = .cancelled
        process.killGroup()
        drainUntil = POSIX.monotonicSeconds() + drainGrace
      }
    }
    pipes.closeAll()
    if drainUntil == nil { process.killGroup() }
    let status = reap()
    return Report(
      ending: killedFor ?? status, stdout: pipes.stdout, stderr: pipes.stderr,
      seconds: POSIX.monotonicSeconds() - started)
  }

  /// Whether the child has ended, without reaping it (`WNOWAIT`).
  private func hasExited() -> Bool {
    var info = siginfo_t()
    let result = waitid(P_PID, id_t(process.pid), &info, WEXITED | WNOHANG | WNOWAIT)
    if result < 0 { return errno == ECHILD }
    return info.si_signo == SIGCHLD
  }

  /// Reaps the child and decodes its wait status.
  private func reap() -> Ending {
    var status: Int32 = 0
    while waitpid(process.pid, &status, 0) < 0 {
      if errno != EINTR { return .unknown }
    }
    let signal = status & 0x7F
    return signal == 0 ? .exited((status >> 8) & 0xFF) : .signaled(signal)
  }
}
