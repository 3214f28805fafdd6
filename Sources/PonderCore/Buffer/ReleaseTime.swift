/// When a ``ResponseBuffer`` wants to release next.
public enum ReleaseTime<Instant: InstantProtocol>: Sendable, Equatable {
  case now
  case at(Instant)
}
