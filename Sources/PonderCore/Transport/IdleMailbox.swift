/// Hands a body's chunks from the task that reads them to the task that consumes them, one at a
/// time, and knows since when the consumer has been waiting: what ``IdleReader``'s watchdog
/// checks. The reader is at most one chunk ahead (it waits until its chunk is taken), so a
/// consumer that stops asking still stops the socket being read.
actor IdleMailbox<Instant: InstantProtocol> {
  typealias Delivery = Result<[UInt8]?, any Error>

  private var held: Delivery?
  private var consumer: CheckedContinuation<Delivery, Never>?
  private var producer: CheckedContinuation<Void, Never>?
  /// When the waiting consumer started waiting; `nil` while nobody waits.
  private(set) var waitingSince: Instant?
  /// Set once the consumer was failed (silence or cancellation): later chunks are dropped.
  private var closed = false

  /// The reader's chunk (or end, or failure); returns once the consumer has taken it.
  func put(_ delivery: Delivery) async {
    guard !closed else { return }
    if let waiting = consumer {
      consumer = nil
      waitingSince = nil
      waiting.resume(returning: delivery)
      return
    }
    held = delivery
    await withCheckedContinuation { producer = $0 }
  }

  /// The next delivery, waiting for it if the reader has none yet; `since` is now.
  func take(since now: Instant) async -> Delivery {
    if let delivery = held {
      held = nil
      producer?.resume()
      producer = nil
      return delivery
    }
    if closed { return .failure(CancellationError()) }
    waitingSince = now
    return await withCheckedContinuation { consumer = $0 }
  }

  /// Ends the exchange: a waiting consumer gets `failure`, a waiting reader is let go.
  func close(failing failure: any Error) {
    closed = true
    waitingSince = nil
    held = nil
    consumer?.resume(returning: .failure(failure))
    consumer = nil
    producer?.resume()
    producer = nil
  }
}
