import Foundation
import PonderCore
import PonderHTTP
import PonderScreen
import PonderTerminal
import PonderTestSupport

struct TimingDecoder: StreamDecoder {
  var base = OllamaChatDecoder()
  let log: ArrivalLog
  mutating func decode(_ chunk: [UInt8]) -> [StreamEvent] { stamp(base.decode(chunk)) }
  mutating func finish() -> [StreamEvent] { stamp(base.finish()) }
  private func stamp(_ events: [StreamEvent]) -> [StreamEvent] {
    let count = events.filter { if case .answer = $0 { true } else if case .reasoning = $0 { true } else { false } }
      .count
    if count > 0 { log.record(count, at: ContinuousClock.now) }
    return events
  }
}
