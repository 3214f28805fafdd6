import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The process's one network thread: a `poll(2)` loop that runs Swift jobs, ends timed sleeps and
/// waits for sockets, so a streamed chunk is read, decoded and buffered on the thread that took it
/// off the socket, with one system call to wait for the next.
///
/// A task that prefers this executor (``HTTPTransport/readingExecutor``) runs here, and so do the
/// nonisolated code and default actors it calls. Nothing that blocks may run here: tools and file
/// reads ask for the global executor instead.
final class NetworkLoop: TaskExecutor, @unchecked Sendable {
  /// The loop every transport shares: one local model server needs no more than one thread.
  static let shared = NetworkLoop(name: "ponder-net")

  /// Something a suspended task waits for: a socket to be ready, a deadline, or both.
  private struct Waiter {
    var fd: Int32?
    var events: Int16
    var deadline: ContinuousClock.Instant?
    var continuation: CheckedContinuation<Bool, any Error>
  }

  private struct State {
    var jobs: [UnownedJob] = []
    var waiters: [Int: Waiter] = [:]
    /// Waits cancelled before they were registered.
    var cancelledEarly: Set<Int> = []
    var nextID = 0
    /// The loop is in (or about to enter) `poll` and must be woken for new work.
    var polling = false
  }

  /// What registering a wait asks of the caller.
  private enum Registration {
    case cancelled
    /// The loop sleeps in `poll` on an older set of sockets and deadlines.
    case wakeTheLoop
    /// The loop is running jobs and will poll with this wait included.
    case seenNextRound
  }

  private let state = Mutex(State())
  /// A pipe written to wake the loop out of `poll` when work arrives from another thread.
  private let wakeReader: Int32
  private let wakeWriter: Int32

  private init(name: String) {
    var ends: [Int32] = [-1, -1]
    precondition(pipe(&ends) == 0, "could not make the network thread's wake pipe: errno \(errno)")
    for end in ends {
      _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
      _ = fcntl(end, F_SETFD, FD_CLOEXEC)
    }
    wakeReader = ends[0]
    wakeWriter = ends[1]
    let box = Unmanaged.passRetained(StartBox(loop: self, name: name))
    var thread = pthread_t()
    let started = pthread_create(
      &thread, nil,
      { raw in
        let box = Unmanaged<StartBox>.fromOpaque(raw!).takeRetainedValue()
        NetworkLoop.nameThisThread(box.name)
        box.loop.run()
      }, box.toOpaque())
    precondition(started == 0, "could not start the network thread: \(started)")
    pthread_detach(thread)
  }

  private final class StartBox {
    let loop: NetworkLoop
    let name: String
    init(loop: NetworkLoop, name: String) {
      self.loop = loop
      self.name = name
    }
  }

  func enqueue(_ job: consuming ExecutorJob) {
    let job = UnownedJob(job)
    let wake = state.withLock { state in
      state.jobs.append(job)
      defer { state.polling = false }
      return state.polling
    }
    if wake { signal() }
  }

  /// Suspends until `deadline`, on this loop's timer. Throws `CancellationError` at once when the
  /// waiting task is cancelled.
  func sleep(until deadline: ContinuousClock.Instant) async throws {
    _ = try await wait(fd: nil, events: 0, deadline: deadline)
  }

  /// Suspends until `fd` is ready for `events` (`POLLIN`, `POLLOUT`; errors and hang-ups count as
  /// ready), or until `deadline`. Returns `false` when the deadline came first.
  func wait(for fd: Int32, events: Int16, deadline: ContinuousClock.Instant? = nil) async throws -> Bool {
    try await wait(fd: fd, events: events, deadline: deadline)
  }

  private func wait(fd: Int32?, events: Int16, deadline: ContinuousClock.Instant?) async throws -> Bool {
    let id = state.withLock { state in
      state.nextID += 1
      return state.nextID
    }
    return try await withTaskCancellationHandler {
      try await withCheckedThrowingContinuation { continuation in
        let registered = state.withLock { state -> Registration in
          if state.cancelledEarly.remove(id) != nil { return .cancelled }
          state.waiters[id] = Waiter(fd: fd, events: events, deadline: deadline, continuation: continuation)
          defer { state.polling = false }
          return state.polling ? .wakeTheLoop : .seenNextRound
        }
        switch registered {
        case .cancelled: continuation.resume(throwing: CancellationError())
        case .wakeTheLoop: signal()
        case .seenNextRound: break
        }
      }
    } onCancel: {
      let waiter = state.withLock { state in
        guard let waiter = state.waiters.removeValue(forKey: id) else {
          state.cancelledEarly.insert(id)
          return nil as Waiter?
        }
        return waiter
      }
      waiter?.continuation.resume(throwing: CancellationError())
    }
  }

  private func signal() {
    var byte: UInt8 = 1
    _ = write(wakeWriter, &byte, 1)
  }

  /// Names the running thread, as `top -H`, `perf` and `/proc/…/task/*/comm` show it.
  private static func nameThisThread(_ name: String) {
    let fd = open("/proc/thread-self/comm", O_WRONLY | O_CLOEXEC)
    guard fd >= 0 else { return }
    _ = name.withCString { write(fd, $0, strlen($0)) }
    close(fd)
  }

  private func run() -> Never {
    var descriptors: [pollfd] = []
    var owners: [Int] = []
    while true {
      let (jobs, timeout) = state.withLock { state -> ([UnownedJob], Int32) in
        guard state.jobs.isEmpty else {
          defer { state.jobs.removeAll(keepingCapacity: true) }
          return (state.jobs, 0)
        }
        descriptors.removeAll(keepingCapacity: true)
        owners.removeAll(keepingCapacity: true)
        descriptors.append(pollfd(fd: wakeReader, events: Int16(POLLIN), revents: 0))
        var nearest: ContinuousClock.Instant?
        for (id, waiter) in state.waiters {
          if let fd = waiter.fd {
            descriptors.append(pollfd(fd: fd, events: waiter.events, revents: 0))
            owners.append(id)
          }
          if let deadline = waiter.deadline, nearest.map({ deadline < $0 }) ?? true { nearest = deadline }
        }
        state.polling = true
        return ([], Self.milliseconds(until: nearest))
      }
      if !jobs.isEmpty {
        for job in jobs { job.runSynchronously(on: asUnownedTaskExecutor()) }
        continue
      }
      let ready = poll(&descriptors, nfds_t(descriptors.count), timeout)
      if ready > 0, descriptors[0].revents != 0 {
        var drained = (UInt64(0), UInt64(0), UInt64(0), UInt64(0))
        while read(wakeReader, &drained, 32) == 32 {}
      }
      let now = ContinuousClock.now
      let woken = state.withLock { state -> [(CheckedContinuation<Bool, any Error>, Bool)] in
        state.polling = false
        var woken: [(CheckedContinuation<Bool, any Error>, Bool)] = []
        if ready > 0 {
          for (index, id) in owners.enumerated() where descriptors[index + 1].revents != 0 {
            if let waiter = state.waiters.removeValue(forKey: id) { woken.append((waiter.continuation, true)) }
          }
        }
        for (id, waiter) in state.waiters {
          if let deadline = waiter.deadline, deadline <= now {
            state.waiters[id] = nil
            woken.append((waiter.continuation, false))
          }
        }
        return woken
      }
      for (continuation, ready) in woken { continuation.resume(returning: ready) }
    }
  }

  /// `poll`'s timeout for the nearest deadline: rounded up, so a sleep never ends early.
  private static func milliseconds(until deadline: ContinuousClock.Instant?) -> Int32 {
    guard let deadline else { return -1 }
    let left = ContinuousClock.now.duration(to: deadline)
    guard left > .zero else { return 0 }
    let (seconds, attoseconds) = left.components
    let milliseconds = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
    return Int32(clamping: milliseconds)
  }
}
