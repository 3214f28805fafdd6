import Foundation

/// Thrown by ``firstResult(within:_:)`` when the time ran out first.
struct TimedOut: Error {}
