/// Coalesces stream events between the network and the screen and decides when to release them.
///
/// Adjacent text of the same kind is merged (a burst of tokens costs one redraw) and order across
/// kinds is kept. Releases happen on the leading edge: text that arrives when nothing went out in
/// the last ``interval`` is released at once (a slow stream is shown without waiting for a tick);
/// text that arrives sooner waits until one interval after the last release, so a fast stream is
/// still released at most once per interval (≤ 20 frames a second at 50 ms). A boundary (tool
/// call, done, error) is released at once. The buffer never reads a clock: its owner passes the
/// time in. `pendingBytes` lets the owner apply back-pressure when it holds too much.
public struct ResponseBuffer<Instant: InstantProtocol>: Sendable where Instant.Duration == Duration {
  /// The shortest time between two releases.
  public var interval: Duration
  /// Above this many bytes of held text a paused consumer should stop the network reads.
  public var capacity: Int

  public private(set) var pending: [StreamEvent] = []
  public private(set) var pendingBytes = 0
  /// Text fragments merged into what is held, per kind: one per streamed token on every protocol
  /// Ponder speaks, so they give a live token count after coalescing.
  public private(set) var pendingFragments = FragmentCounts()
  private var lastRelease: Instant?

  public init(interval: Duration = .milliseconds(50), capacity: Int = 1 << 20) {
    self.interval = interval
    self.capacity = capacity
  }

  public var isEmpty: Bool { pending.isEmpty }
  public var isOverCapacity: Bool { pendingBytes > capacity }
  public var holdsBoundary: Bool { pending.contains(where: \.isBoundary) }

  /// Adds events in arrival order, merging text into the previous event of the same kind.
  public mutating func append(_ events: some Sequence<StreamEvent>) {
    for event in events { append(event) }
  }

  public mutating func append(_ event: StreamEvent) {
    pendingBytes += event.textByteCount
    switch event {
    case .reasoning: pendingFragments.reasoning += 1
    case .answer: pendingFragments.answer += 1
    case .toolCalls, .done, .error: break
    }
    // Move the text out before appending so the string stays uniquely referenced (O(1) amortized).
    // Nothing else may hold it meanwhile: a `switch` on `pending.last` kept a second reference
    // alive for its whole body, and every append copied all the held text (quadratic).
    let merges = Self.isTextOfOneKind(pending.last, event)
    switch event {
    case .answer(let more) where merges:
      guard case .answer(var text) = pending.removeLast() else { return }
      text += more
      pending.append(.answer(text))
    case .reasoning(let more) where merges:
      guard case .reasoning(var text) = pending.removeLast() else { return }
      text += more
      pending.append(.reasoning(text))
    default:
      pending.append(event)
    }
  }

  private static func isTextOfOneKind(_ held: StreamEvent?, _ next: StreamEvent) -> Bool {
    switch (held, next) {
    case (.answer?, .answer), (.reasoning?, .reasoning): return true
    default: return false
    }
  }

  /// When the held events may go out, seen at `now`: `nil` when nothing is held, `.now` for a
  /// boundary or when the last release is at least one interval old (the leading edge), else
  /// one interval after the last release.
  public func releaseTime(at now: Instant) -> ReleaseTime<Instant>? {
    guard !pending.isEmpty else { return nil }
    if holdsBoundary { return .now }
    guard let lastRelease else { return .now }
    let next = lastRelease.advanced(by: interval)
    return next <= now ? .now : .at(next)
  }

  /// Whether a release is due at `now`.
  public func isDue(at now: Instant) -> Bool {
    releaseTime(at: now) == .now
  }

  /// Takes everything held if a release is due, else nothing.
  public mutating func releaseIfDue(at now: Instant) -> [StreamEvent] {
    isDue(at: now) ? release(at: now) : []
  }

  /// Takes everything held, regardless of timing (resume after pause, turn end).
  public mutating func release(at now: Instant) -> [StreamEvent] {
    releaseBatch(at: now).events
  }

  /// Takes everything held, for a release that was deferred to `due` and happens at `now`: it
  /// counts as made at `due`, so a timer that wakes late (by up to a millisecond on a `poll`
  /// timer) does not push every later release back. Otherwise the stream would drift: text
  /// arriving at a steady 20 tok/s would wait longer and longer, up to a whole interval.
  /// A `due` before the earliest time a release could be due is ignored.
  public mutating func releaseBatch(at now: Instant, due: Instant) -> ResponseBatch {
    let earliest = lastRelease?.advanced(by: interval)
    let batch = releaseBatch(at: now)
    if let earliest, earliest <= due, due <= now { lastRelease = due }
    return batch
  }

  /// Takes everything held with its fragment counts.
  public mutating func releaseBatch(at now: Instant) -> ResponseBatch {
    let batch = ResponseBatch(events: pending, fragments: pendingFragments)
    pending.removeAll(keepingCapacity: true)
    pendingBytes = 0
    pendingFragments = FragmentCounts()
    lastRelease = now
    return batch
  }
}
