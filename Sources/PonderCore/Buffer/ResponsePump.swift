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
public actor ResponsePump<C: Clock> where C.Duration == Duration {
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

  private let deliver: Sink
  private let clock: C
  /// Where the release timer runs: the reader's executor, so a deferred release needs no other thread.
  private let executor: (any TaskExecutor)?
  private var buffer: ResponseBuffer<C.Instant>
  private var paused = false
  private var feedingEnded = false
  private var finished = false
  private var timer: Task<Void, Never>?
  private var capacityWaiters: [CheckedContinuation<Void, Never>] = []
  /// Releases made while paused (text cut off by tool work), oldest first.
  private var held: [ResponseBatch] = []
  private var heldBytes = 0

  public init(
    clock: C, interval: Duration = .milliseconds(50), capacity: Int = 1 << 20,
    executor: (any TaskExecutor)? = nil, deliver: @escaping Sink
  ) {
    self.clock = clock
    self.executor = executor
    self.deliver = deliver
    buffer = ResponseBuffer(interval: interval, capacity: capacity)
  }

  /// Bytes of text held back (the backlog a paused screen shows).
  public var backlogBytes: Int { buffer.pendingBytes + heldBytes }
  public var isPaused: Bool { paused }

  /// The next events of the turn, in order. Text is buffered; any other event releases the text
  /// before it at once, in the same release. Suspends while paused with more than the capacity
  /// held, which stalls the producer (and so the socket it reads).
  public func feed(_ events: [ToolTurnEvent]) async {
    var pendingTool: [ToolTurnEvent] = []
    for event in events {
      if case .stream(let streamed) = event {
        if !pendingTool.isEmpty { releaseWithTools(pendingTool) }
        pendingTool = []
        buffer.append(streamed)
      } else {
        pendingTool.append(event)
      }
    }
    if !pendingTool.isEmpty { releaseWithTools(pendingTool) }
    releaseOrSchedule()
    await waitWhileOverCapacity()
  }

  /// No more events will be fed: ``Output/finished`` follows once everything is out.
  public func finishFeeding() {
    feedingEnded = true
    releaseOrSchedule()
    finishIfDrained()
  }

  /// Holds all further events until ``resume()``.
  public func pause() { paused = true }

  /// Releases the whole backlog at once and carries on at the normal pace.
  public func resume() {
    guard paused else { return }
    paused = false
    for batch in held { emit(batch) }
    held = []
    heldBytes = 0
    if !buffer.isEmpty { emit(buffer.releaseBatch(at: clock.now)) }
    wakeReader()
    finishIfDrained()
  }

  private func releaseWithTools(_ events: [ToolTurnEvent]) {
    var batch = buffer.isEmpty ? ResponseBatch(events: []) : buffer.releaseBatch(at: clock.now)
    batch.toolEvents = events
    if paused {
      held.append(batch)
      heldBytes += batch.textBytes
    } else {
      emit(batch)
    }
  }

  private func waitWhileOverCapacity() async {
    var told = false
    while paused, backlogBytes > buffer.capacity, !Task.isCancelled {
      if !told { deliver(.readingStopped(backlogBytes: backlogBytes)) }
      told = true
      await withCheckedContinuation { capacityWaiters.append($0) }
    }
  }

  /// - Parameter due: the deadline of the timer that woke this call, if one did.
  private func releaseOrSchedule(due: C.Instant? = nil) {
    guard !paused else { return }
    let now = clock.now
    switch buffer.releaseTime(at: now) {
    case nil:
      return
    case .now?:
      emit(due.map { buffer.releaseBatch(at: now, due: $0) } ?? buffer.releaseBatch(at: now))
    case .at(let deadline)?:
      guard timer == nil else { return }
      timer = Task(executorPreference: executor) { [clock] in
        try? await clock.sleep(until: deadline, tolerance: nil)
        await self.timerFired(due: deadline)
      }
    }
  }

  private func timerFired(due: C.Instant) {
    timer = nil
    releaseOrSchedule(due: due)
    finishIfDrained()
  }

  private func emit(_ batch: ResponseBatch) {
    guard !batch.events.isEmpty || !batch.toolEvents.isEmpty else { return }
    deliver(.release(batch))
  }

  private func finishIfDrained() {
    guard feedingEnded, !finished, buffer.isEmpty, held.isEmpty, !paused else { return }
    finished = true
    timer?.cancel()
    timer = nil
    deliver(.finished)
  }

  private func wakeReader() {
    let waiters = capacityWaiters
    capacityWaiters.removeAll()
    for waiter in waiters { waiter.resume() }
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
