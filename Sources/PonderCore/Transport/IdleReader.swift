/// One body's reads, each after the first due within `timeout` of the moment it was asked for.
///
/// Not a timer per read: after the first chunk a reading task pulls the body, one chunk ahead,
/// into an ``IdleMailbox``, and one watchdog task per body sleeps until the deadline of the read
/// that is waiting. If that read still waits then, it fails with the silence error and the reading
/// task is cancelled, which closes the connection. (Racing each read against its own sleep in a
/// task group cost two tasks, a timer and several thread switches per chunk: about 13 % of the
/// chat's CPU at 50 tok/s.) A cancelled consumer cancels the reading task, so Ctrl-C still closes
/// the connection; a consumer that lets go of the body does the same.
///
/// A class so the iterator keeps its place across reads; used by one task at a time.
final class IdleReader<C: Clock>: @unchecked Sendable where C.Duration == Duration {
  /// The inner iterator, owned by whichever task reads it: moved into the reading task once.
  private final class IteratorBox: @unchecked Sendable {
    var iterator: ResponseBody.Iterator
    init(_ iterator: ResponseBody.Iterator) { self.iterator = iterator }
  }

  private enum Phase {
    /// Before the first chunk: read directly, never timed (a model may take minutes to load).
    case first(IteratorBox)
    /// After it: chunks come through the mailbox.
    case timed(IdleMailbox<C.Instant>)
    case ended
  }

  private var phase: Phase
  private let timeout: Duration
  private let clock: C
  /// Where the reading task and the watchdog run: the transport's reading executor, if any.
  private let executor: (any TaskExecutor)?
  private var reading: Task<Void, Never>?
  private var watchdog: Task<Void, Never>?

  init(_ iterator: ResponseBody.Iterator, timeout: Duration, clock: C, executor: (any TaskExecutor)? = nil) {
    phase = .first(IteratorBox(iterator))
    self.timeout = timeout
    self.clock = clock
    self.executor = executor
  }

  deinit {
    reading?.cancel()
    watchdog?.cancel()
  }

  func next() async throws -> [UInt8]? {
    switch phase {
    case .ended:
      return nil
    case .first(let box):
      let chunk = try await box.iterator.next()
      if chunk == nil { phase = .ended } else { startTimedReads(box) }
      return chunk
    case .timed(let mailbox):
      let clock = self.clock
      let reading = self.reading
      let delivery = await withTaskCancellationHandler {
        await mailbox.take(since: clock.now)
      } onCancel: {
        reading?.cancel()
        Task { await mailbox.close(failing: CancellationError()) }
      }
      switch delivery {
      case .success(let chunk?):
        return chunk
      case .success(nil):
        end()
        return nil
      case .failure(let error):
        end()
        throw error
      }
    }
  }

  private func end() {
    phase = .ended
    reading?.cancel()
    watchdog?.cancel()
  }

  private func startTimedReads(_ box: IteratorBox) {
    let mailbox = IdleMailbox<C.Instant>()
    phase = .timed(mailbox)
    let reading = Task(executorPreference: executor) {
      while !Task.isCancelled {
        let delivery: IdleMailbox<C.Instant>.Delivery
        do {
          delivery = .success(try await box.iterator.next())
        } catch {
          delivery = .failure(error)
        }
        await mailbox.put(delivery)
        guard case .success(_?) = delivery else { return }
      }
    }
    self.reading = reading
    let (clock, timeout) = (self.clock, self.timeout)
    watchdog = Task(executorPreference: executor) {
      while !Task.isCancelled {
        let since = await mailbox.waitingSince
        do {
          try await clock.sleep(until: (since ?? clock.now).advanced(by: timeout), tolerance: nil)
        } catch {
          return
        }
        if let waiting = await mailbox.waitingSince, waiting.advanced(by: timeout) <= clock.now {
          reading.cancel()
          await mailbox.close(failing: IdleTimeoutTransport<C>.silence(timeout))
          return
        }
      }
    }
  }
}
