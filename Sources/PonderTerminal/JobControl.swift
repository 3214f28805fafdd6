import CNCurses

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Stops the process group as a shell's job control expects (Ctrl-Z) and returns once it runs again.
///
/// `kill(0, SIGTSTP)` returns before the stop takes hold when another thread receives the signal,
/// so the caller waits for SIGCONT (a handler sets a flag) before it touches the terminal again.
/// Where the stop is discarded (no job control: an orphaned process group), it gives up after
/// half a second of running time.
enum JobControl {
  nonisolated(unsafe) private static let continued: UnsafeMutablePointer<Int32> = {
    let pointer = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
    pointer.initialize(to: 0)
    return pointer
  }()

  private static let onContinue: @convention(c) (Int32) -> Void = { _ in JobControl.continued.pointee = 1 }

  /// Returns whether the process was stopped and continued (false: the stop was discarded).
  @discardableResult
  static func stopUntilContinued() -> Bool {
    continued.pointee = 0
    var previousContinue = sigaction()
    _ = ponder_set_signal_handler(SIGCONT, onContinue, &previousContinue)
    let previousStop = signal(SIGTSTP, SIG_DFL)
    kill(0, SIGTSTP)
    var waited = 0
    while continued.pointee == 0, waited < 50 {
      usleep(10_000)
      waited += 1
    }
    signal(SIGTSTP, previousStop)
    sigaction(SIGCONT, &previousContinue, nil)
    return continued.pointee != 0
  }
}
