import Dispatch

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Tells the app when the terminal has input, without touching curses and without busy-looping.
///
/// A background thread `poll()`s the input descriptor and a self-pipe. When input is readable it
/// calls `onReadable` once and then stops watching the input until ``rearm()``: the app hops to
/// the main actor, drains ``CursesTerminal/readKeys()``, and rearms. Input that arrives in
/// between is not lost: the next poll sees it at once. ``stop()`` (or releasing the watcher) ends
/// the thread.
public final class InputWatcher: Sendable {
  private let pipe: InputWakePipe

  static let rearmByte: UInt8 = 0x72  // "r"
  static let stopByte: UInt8 = 0x71  // "q"

  /// Starts watching `descriptor` (stdin by default).
  public init(descriptor: Int32 = STDIN_FILENO, onReadable: @escaping @Sendable () -> Void) throws(TerminalError) {
    guard let pipe = InputWakePipe() else { throw TerminalError(reason: "cannot create the input wake-up pipe") }
    self.pipe = pipe
    // A queue of its own gets a thread of its own: the poll blocks it, never the task pool.
    DispatchQueue(label: "ponder-input").async { Self.run(descriptor: descriptor, pipe: pipe, onReadable: onReadable) }
  }

  deinit { stop() }

  /// Watch the input again; call after draining the keys that the last callback announced.
  public func rearm() { pipe.send(Self.rearmByte) }

  /// Ends the watching thread. Safe to call more than once.
  public func stop() { pipe.send(Self.stopByte) }

  private static func run(descriptor: Int32, pipe: InputWakePipe, onReadable: @Sendable () -> Void) {
    var armed = true
    var inputOpen = true
    while true {
      var fds = [pollfd(fd: pipe.readEnd, events: Int16(POLLIN), revents: 0)]
      if armed, inputOpen { fds.append(pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)) }
      if poll(&fds, nfds_t(fds.count), -1) < 0 {
        if errno == EINTR { continue }
        return
      }
      if fds[0].revents != 0 {
        switch pipe.receive() {
        case .stop: return
        case .rearm: armed = true
        case .nothing: break
        }
      }
      if fds.count > 1, fds[1].revents != 0 {
        // A closed terminal stays "readable" forever: report it once, then stop watching it.
        if Int32(fds[1].revents) & Int32(POLLIN) == 0 { inputOpen = false }
        armed = false
        onReadable()
      }
    }
  }
}
