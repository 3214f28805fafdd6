#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import Dispatch

/// Tells the app when the terminal has input, without touching curses and without busy-looping.
///
/// A background thread `poll()`s the input descriptor and a self-pipe. When input is readable it
/// calls `onReadable` once and then stops watching the input until ``rearm()``: the app hops to
/// the main actor, drains ``CursesTerminal/readKeys()``, and rearms. Input that arrives in
/// between is not lost: the next poll sees it at once. ``stop()`` (or releasing the watcher) ends
/// the thread.
public final class InputWatcher: Sendable {
  private let pipe: WakePipe

  static let rearmByte: UInt8 = 0x72  // "r"
  static let stopByte: UInt8 = 0x71  // "q"

  /// Starts watching `descriptor` (stdin by default).
  public init(descriptor: Int32 = STDIN_FILENO, onReadable: @escaping @Sendable () -> Void) throws(TerminalError) {
    guard let pipe = WakePipe() else { throw TerminalError(reason: "cannot create the input wake-up pipe") }
    self.pipe = pipe
    // A queue of its own gets a thread of its own: the poll blocks it, never the task pool.
    DispatchQueue(label: "ponder-input").async { Self.run(descriptor: descriptor, pipe: pipe, onReadable: onReadable) }
  }

  deinit { stop() }

  /// Watch the input again; call after draining the keys that the last callback announced.
  public func rearm() { pipe.send(Self.rearmByte) }

  /// Ends the watching thread. Safe to call more than once.
  public func stop() { pipe.send(Self.stopByte) }

  private static func run(descriptor: Int32, pipe: WakePipe, onReadable: @Sendable () -> Void) {
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

/// The self-pipe that wakes ``InputWatcher``'s thread; closed when both sides let go of it.
final class WakePipe: Sendable {
  let readEnd: Int32
  private let writeEnd: Int32

  enum Message { case stop, rearm, nothing }

  init?() {
    var ends: [Int32] = [0, 0]
    guard pipe(&ends) == 0 else { return nil }
    readEnd = ends[0]
    writeEnd = ends[1]
    for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
    // A full pipe already holds a wake-up; writers must never block.
    _ = fcntl(writeEnd, F_SETFL, fcntl(writeEnd, F_GETFL) | O_NONBLOCK)
  }

  deinit {
    close(readEnd)
    close(writeEnd)
  }

  func send(_ byte: UInt8) {
    var value = byte
    while write(writeEnd, &value, 1) < 0, errno == EINTR {}
  }

  /// Reads what is waiting; a stop request (or a closed pipe) wins over a rearm.
  func receive() -> Message {
    var bytes = [UInt8](repeating: 0, count: 64)
    let count = read(readEnd, &bytes, bytes.count)
    if count == 0 { return .stop }
    if count < 0 { return .nothing }
    if bytes[0..<count].contains(InputWatcher.stopByte) { return .stop }
    return bytes[0..<count].contains(InputWatcher.rearmByte) ? .rearm : .nothing
  }
}
