/// Drives a ``ResponseBuffer`` from a stream of event batches on an injected clock.
///
/// Reads the source, holds what it reads in the buffer, and publishes released batches on
/// ``released``. While paused it releases nothing, and once the held text passes the buffer's
/// capacity it stops pulling from the source — which stops the transport reading the socket —
/// so nothing is dropped and memory stays bounded. Tests drive it with a manual clock.
///
/// A tool-using turn is pushed instead (``feed(_:)``): its text goes through the buffer like a
/// response's, and each step of tool work releases the text before it at once and travels in the
/// same release, so the screen sees both in their true order — and a paused screen holds both.
public actor ResponsePump<C: Clock> where C.Duration == Duration {
  public nonisolated let released: AsyncStream<ResponseBatch>
  private let output: AsyncStream<ResponseBatch>.Continuation
  private let clock: C
  private var buffer: ResponseBuffer<C.Instant>
  private var paused = false
  private var sourceEnded = false
  private var timer: Task<Void, Never>?
  private var capacityWaiters: [CheckedContinuation<Void, Never>] = []
  /// Releases made while paused in a fed turn (text cut off by tool work), oldest first.
  private var held: [ResponseBatch] = []
  private var heldBytes = 0

  public init(clock: C, interval: Duration = .milliseconds(50), capacity: Int = 1 << 20) {
    self.clock = clock
    buffer = ResponseBuffer(interval: interval, capacity: capacity)
    (released, output) = AsyncStream.makeStream(of: ResponseBatch.self)
  }

  /// Bytes of text held back (the backlog a paused screen shows).
  public var backlogBytes: Int { buffer.pendingBytes + heldBytes }
  public var isPaused: Bool { paused }

  /// Reads `source` to its end (or until cancelled), then finishes ``released`` once drained.
  public func run(_ source: EventBatches) async {
    for await batch in source {
      buffer.append(batch)
      releaseOrSchedule()
      await waitWhileOverCapacity()
      if batch.contains(where: \.isTerminal) { break }
    }
    finishFeeding()
  }

  /// Push mode: the next events of a tool-using turn, in order. Text is buffered as usual; any
  /// other event releases the text before it at once, in the same release. Suspends while the
  /// screen is paused with more than the capacity held, which stalls the producer (and so the
  /// socket it reads), exactly like ``run(_:)``.
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

  /// Ends push mode: ``released`` finishes once everything is out.
  public func finishFeeding() {
    sourceEnded = true
    releaseOrSchedule()
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
    while paused, buffer.pendingBytes + heldBytes > buffer.capacity, !Task.isCancelled {
      await withCheckedContinuation { capacityWaiters.append($0) }
    }
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

  private func releaseOrSchedule() {
    guard !paused, let due = buffer.releaseTime() else { return }
    switch due {
    case .now:
      emit(buffer.releaseBatch(at: clock.now))
    case .at(let deadline):
      if deadline <= clock.now {
        emit(buffer.releaseBatch(at: clock.now))
      } else if timer == nil {
        timer = Task { [clock] in
          try? await clock.sleep(until: deadline, tolerance: nil)
          self.timerFired()
        }
      }
    }
  }

  private func timerFired() {
    timer = nil
    releaseOrSchedule()
    finishIfDrained()
  }

  private func emit(_ batch: ResponseBatch) {
    guard !batch.events.isEmpty || !batch.toolEvents.isEmpty else { return }
    output.yield(batch)
  }

  private func finishIfDrained() {
    if sourceEnded, buffer.isEmpty, held.isEmpty, !paused { output.finish() }
  }

  private func wakeReader() {
    let waiters = capacityWaiters
    capacityWaiters.removeAll()
    for waiter in waiters { waiter.resume() }
  }
}
