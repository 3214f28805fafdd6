import Foundation
import PonderCore
import Testing

extension DecoderVerifier {
  /// The events of `bytes` after ``verify(_:decoder:splitEveryIndex:)``: a chunking that
  /// disagrees is recorded as an issue at the caller.
  ///
  /// The check runs on a serial dispatch queue of its own (a thread beyond the pool's width), off
  /// the Swift concurrency pool: a debug build spends seconds on a large fixture (every split
  /// point decodes it whole again), and a test holding one of the pool's threads (one per core)
  /// that long delays every other test waiting to resume.
  public static func verified<D: StreamDecoder>(
    _ bytes: [UInt8], decoder: @escaping @Sendable () -> D, sourceLocation: SourceLocation = #_sourceLocation
  ) async -> [StreamEvent] {
    let (events, mismatches) = await withCheckedContinuation { continuation in
      DispatchQueue(label: "ponder.decoder-verifier").async {
        continuation.resume(returning: verify(bytes, decoder: decoder))
      }
    }
    if !mismatches.isEmpty {
      Issue.record("\(mismatches.count) chunkings disagree: \(mismatches.prefix(3))", sourceLocation: sourceLocation)
    }
    return events
  }
}
