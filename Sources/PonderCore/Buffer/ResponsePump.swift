import Synchronization

/// Paces a turn's events between the reader and the screen, on an injected clock.
///
/// The reader pushes each batch of ``ToolTurnEvent``s with ``feed(_:)``. Text goes through a
/// ``ResponseBuffer`` (merged, released on the leading edge, at most once per interval); any other
/// event — a step of tool work, the turn's end — releases the text before it at once and travels
/// in the same release, so the screen sees both in their true order. Releases go straight to the
/// `deliver` sink the owner passes in (the chat loop's inbox), with no task in between.
///
/// While paused nothing is released; once the held text passes the buffer's capacity, ``feed(_:)``
/// suspends until ``resume()``, which stalls the reader and so the socket it reads: nothing is
/// dropped and memory stays bounded. Tests drive it with a manual clock.
public final class ResponsePump<C: Clock>: Sendable where C.Duration == Duration {
  /// What the pump hands its owner, in order.
  public enum Output: Sendable, Equatable {
    /// Events due on screen.
    case release(ResponseBatch)
    /// Paused with more than the capacity held: the reader is stalled until ``resume()``.
    case readingStopped(backlogBytes: Int)
    /// Everything fed has been released after ``finishFeeding()``; nothing follows.
    case finished
  }

  public typealias Sink = @Sendable (Output) -> Void

  /// Everything that changes, behind one lock. Outputs are delivered while it is held, so they
  /// reach the sink in the order they were made whichever thread makes them.
  private struct State: ~Copyable {
    var buffer: ResponseBuffer<C.Instant>
    var paused = false
    var feedingEnded = false
    var finished = false
    var timer: Task<Void, Never>?
    var capacityWaiters: [CheckedContinuation<Bool, Never>] = []
    /// Releases made while paused (text cut off by tool work), oldest first.
    var held: [ResponseBatch] = []
    var heldBytes = 0

    var backlogBytes: Int { buffer.pendingBytes + heldBytes }
  }

  private let deliver: Sink
  private let clock: C
  /// Where the release timer runs: the reader's executor, so a deferred release needs no other thread.
  private let executor: (any TaskExecutor)?
  private let state: Mutex<State>

  public init(
    clock: C, interval: Duration = .milliseconds(50), capacity: Int = 1 << 20,
    executor: (any TaskExecutor)? = nil, deliver: @escaping Sink
  ) {
    self.clock = clock
    self.executor = executor
    self.deliver = deliver
    state = Mutex(State(buffer: ResponseBuffer(interval: interval, capacity: capacity)))
  }

  /// Bytes of text held back (the backlog a paused screen shows).
  public var backlogBytes: Int { state.withLock { $0.backlogBytes } }
  public var isPaused: Bool { state.withLock { $0.paused } }

  /// The next events of the turn, in order. Text is buffered; any other event releases the text
  /// before it at once, in the same release. Suspends only while paused with more than the
  /// capacity held, which stalls the producer (and so the socket it reads); otherwise it returns
  /// without suspending, so feeding a chunk costs no hop to another task or actor.
  public func feed(_ events: [ToolTurnEvent]) async {
    state.withLock { state in
      var pendingTool: [ToolTurnEvent] = []
      for event in events {
        if case .stream(let streamed) = event {
          if !pendingTool.isEmpty { releaseWithTools(pendingTool, in: &state) }
          pendingTool = []
          state.buffer.append(streamed)
        } else {
          pendingTool.append(event)
        }
      }
      if !pendingTool.isEmpty { releaseWithTools(pendingTool, in: &state) }
      releaseOrSchedule(in: &state)
    }
    await waitWhileOverCapacity()
  }

  /// No more events will be fed: ``Output/finished`` follows once everything is out.
  public func finishFeeding() {
    state.withLock { state in
      state.feedingEnded = true
      releaseOrSchedule(in: &state)
      finishIfDrained(in: &state)
    }
  }

  /// Holds all further events until ``resume()``.
  public func pause() { state.withLock { $0.paused = true } }

  /// Releases the whole backlog at once and carries on at the normal pace.
  public func resume() {
    let waiters = state.withLock { state -> [CheckedContinuation<Bool, Never>] in
      guard state.paused else { return [] }
      state.paused = false
      for batch in state.held { emit(batch) }
      state.held = []
      state.heldBytes = 0
      if !state.buffer.isEmpty { emit(state.buffer.releaseBatch(at: clock.now)) }
      finishIfDrained(in: &state)
      defer { state.capacityWaiters.removeAll() }
      return state.capacityWaiters
    }
    for waiter in waiters { waiter.resume(returning: true) }
  }

  private func releaseWithTools(_ events: [ToolTurnEvent], in state: inout State) {
    var batch = state.buffer.isEmpty ? ResponseBatch(events: []) : state.buffer.releaseBatch(at: clock.now)
    batch.toolEvents = events
    if state.paused {
      state.held.append(batch)
      state.heldBytes += batch.textBytes
    } else {
      emit(batch)
    }
  }

  private func waitWhileOverCapacity() async {
    var told = false
    while !Task.isCancelled, state.withLock({ $0.paused && $0.backlogBytes > $0.buffer.capacity }) {
      let waited: Bool = await withCheckedContinuation { continuation in
        let stalled = state.withLock { state -> Bool in
          // Checked again under the lock: a resume may have come in between.
          guard state.paused, state.backlogBytes > state.buffer.capacity else { return false }
          if !told { deliver(.readingStopped(backlogBytes: state.backlogBytes)) }
          state.capacityWaiters.append(continuation)
          return true
        }
        if !stalled { continuation.resume(returning: false) }
      }
      guard waited else { return }
      told = true
    }
  }

  /// - Parameter due: the deadline of the timer that woke this call, if one did.
  private func releaseOrSchedule(due: C.Instant? = nil, in state: inout State) {
    guard !state.paused else { return }
    let now = clock.now
    switch state.buffer.releaseTime(at: now) {
    case nil:
      return
    case .now?:
      emit(due.map { state.buffer.releaseBatch(at: now, due: $0) } ?? state.buffer.releaseBatch(at: now))
    case .at(let deadline)?:
      guard state.timer == nil else { return }
      // Holds the pump until it fires: a release still due after the last feed must go out.
      state.timer = Task(executorPreference: executor) { [clock] in
        try? await clock.sleep(until: deadline, tolerance: nil)
        self.timerFired(due: deadline)
      }
    }
  }

  private func timerFired(due: C.Instant) {
    state.withLock { state in
      state.timer = nil
      releaseOrSchedule(due: due, in: &state)
      finishIfDrained(in: &state)
    }
  }

  private func emit(_ batch: ResponseBatch) {
    guard !batch.events.isEmpty || !batch.toolEvents.isEmpty else { return }
    deliver(.release(batch))
  }

  private func finishIfDrained(in state: inout State) {
    guard state.feedingEnded, !state.finished, state.buffer.isEmpty, state.held.isEmpty, !state.paused else { return }
    state.finished = true
    state.timer?.cancel()
    state.timer = nil
    deliver(.finished)
  }
}

extension ResponsePump {
  /// A pump whose outputs are read as a stream (`ponder ask`, tests, benchmarks): the stream ends
  /// after ``Output/finished``.
  public static func streaming(
    clock: C, interval: Duration = .milliseconds(50), capacity: Int = 1 << 20, executor: (any TaskExecutor)? = nil
  ) -> (pump: ResponsePump, outputs: AsyncStream<Output>) {
    let (outputs, continuation) = AsyncStream.makeStream(of: Output.self)
    let pump = ResponsePump(clock: clock, interval: interval, capacity: capacity, executor: executor) { output in
      continuation.yield(output)
      if output == .finished { continuation.finish() }
    }
    return (pump, outputs)
  }
}
