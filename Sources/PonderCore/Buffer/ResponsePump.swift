/// Drives a ``ResponseBuffer`` from a stream of event batches on an injected clock.
///
/// Reads the source, holds what it reads in the buffer, and publishes released batches on
/// ``released``. While paused it releases nothing, and once the held text passes the buffer's
/// capacity it stops pulling from the source — which stops the transport reading the socket —
/// so nothing is dropped and memory stays bounded. Tests drive it with a manual clock.
public actor ResponsePump<C: Clock> where C.Duration == Duration {
  public nonisolated let released: AsyncStream<ResponseBatch>
  private let output: AsyncStream<ResponseBatch>.Continuation
  private let clock: C
  private var buffer: ResponseBuffer<C.Instant>
  private var paused = false
  private var sourceEnded = false
  private var timer: Task<Void, Never>?
  private var capacityWaiters: [CheckedContinuation<Void, Never>] = []

  public init(clock: C, interval: Duration = .milliseconds(50), capacity: Int = 1 << 20) {
    self.clock = clock
    buffer = ResponseBuffer(interval: interval, capacity: capacity)
    (released, output) = AsyncStream.makeStream(of: ResponseBatch.self)
  }

  /// Bytes of text held back (the backlog a paused screen shows).
  public var backlogBytes: Int { buffer.pendingBytes }
  public var isPaused: Bool { paused }

  /// Reads `source` to its end (or until cancelled), then finishes ``released`` once drained.
  public func run(_ source: EventBatches) async {
    for await batch in source {
      buffer.append(batch)
      releaseOrSchedule()
      while paused, buffer.isOverCapacity, !Task.isCancelled {
        await withCheckedContinuation { capacityWaiters.append($0) }
      }
      if batch.contains(where: \.isTerminal) { break }
    }
    sourceEnded = true
    releaseOrSchedule()
    finishIfDrained()
  }

  /// Holds all further events until ``resume()``.
  public func pause() { paused = true }

  /// Releases the whole backlog at once and carries on at the normal pace.
  public func resume() {
    guard paused else { return }
    paused = false
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
    guard !batch.events.isEmpty else { return }
    output.yield(batch)
  }

  private func finishIfDrained() {
    if sourceEnded, buffer.isEmpty, !paused { output.finish() }
  }

  private func wakeReader() {
    let waiters = capacityWaiters
    capacityWaiters.removeAll()
    for waiter in waiters { waiter.resume() }
  }
}
