import Foundation
import PonderCore
import PonderHTTP
import PonderScreen
import PonderTerminal
import PonderTestSupport

/// Stamps the moment each text fragment comes off the network (decoded), for lag measurement.
final class ArrivalLog: @unchecked Sendable {
  private let lock = NSLock()
  private var times: [ContinuousClock.Instant] = []
  func record(_ count: Int, at time: ContinuousClock.Instant) {
    lock.withLock { times.append(contentsOf: repeatElement(time, count: count)) }
  }
  var all: [ContinuousClock.Instant] { lock.withLock { times } }
}
