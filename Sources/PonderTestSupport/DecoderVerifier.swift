import PonderCore

/// Feeds the same bytes to a decoder under many chunkings and checks the events never change.
///
/// Chunkings: whole, one byte per read, every two-way split (so every byte boundary, including
/// those inside multi-byte characters), fixed sizes from 2 to 4096 (many records per read), and
/// seeded random splits. Text fragments may be cut differently by decoders that hold bytes back,
/// so events are compared after merging adjacent text of the same kind.
public enum DecoderVerifier {
  public struct Mismatch: Sendable, CustomStringConvertible {
    public var chunking: String
    public var expected: [StreamEvent]
    public var actual: [StreamEvent]
    public var description: String {
      "chunking \(chunking): expected \(expected) got \(actual)"
    }
  }

  /// The events for `bytes` fed as one read.
  public static func events<D: StreamDecoder>(_ bytes: [UInt8], decoder: @autoclosure () -> D) -> [StreamEvent] {
    run(decoder(), chunks: [bytes])
  }

  /// Returns the reference events (whole input) and every chunking that disagreed.
  public static func verify<D: StreamDecoder>(
    _ bytes: [UInt8], decoder makeDecoder: () -> D, splitEveryIndex: Bool = true
  ) -> (events: [StreamEvent], mismatches: [Mismatch]) {
    let reference = run(makeDecoder(), chunks: [bytes])
    var mismatches: [Mismatch] = []
    for (name, chunks) in chunkings(of: bytes, splitEveryIndex: splitEveryIndex) {
      let actual = run(makeDecoder(), chunks: chunks)
      if actual != reference { mismatches.append(Mismatch(chunking: name, expected: reference, actual: actual)) }
    }
    return (reference, mismatches)
  }

  /// The same check for decoders of other events (``EventDecoder``, such as the pull progress
  /// decoder): the reference events, and the names of the chunkings that gave different ones.
  public static func verifyEvents<D: EventDecoder>(
    _ bytes: [UInt8], decoder makeDecoder: () -> D
  ) -> (events: [D.Event], mismatches: [String]) {
    func run(_ chunks: [[UInt8]]) -> [D.Event] {
      var decoder = makeDecoder()
      return chunks.flatMap { decoder.decode($0) } + decoder.finish()
    }
    let reference = run([bytes])
    var mismatches: [String] = []
    for (name, chunks) in chunkings(of: bytes, splitEveryIndex: true) where run(chunks) != reference {
      mismatches.append(name)
    }
    return (reference, mismatches)
  }

  /// One byte per read, every two-way split, fixed sizes and seeded random splits, each named.
  public static func chunkings(of bytes: [UInt8], splitEveryIndex: Bool) -> [(name: String, chunks: [[UInt8]])] {
    var all: [(name: String, chunks: [[UInt8]])] = [("one byte per read", bytes.map { [$0] })]
    if splitEveryIndex {
      for index in 0...bytes.count {
        all.append(("split at \(index)", [Array(bytes[..<index]), Array(bytes[index...])]))
      }
    }
    for size in [2, 3, 5, 7, 13, 64, 512, 4096] {
      all.append(("\(size)-byte reads", chunked(bytes, size: size)))
    }
    var random = SplitMix64(seed: 42)
    for round in 0..<20 {
      all.append(("random round \(round)", randomChunks(of: bytes, longest: 97, using: &random)))
    }
    return all
  }

  /// `bytes` cut into reads of random lengths from 1 to `longest`.
  public static func randomChunks(of bytes: [UInt8], longest: Int, using random: inout SplitMix64) -> [[UInt8]] {
    var chunks: [[UInt8]] = []
    var start = 0
    while start < bytes.count {
      let length = Int(random.next() % UInt64(max(1, longest))) + 1
      chunks.append(Array(bytes[start..<min(bytes.count, start + length)]))
      start += length
    }
    return chunks
  }

  /// The events for the reads `chunks`, adjacent text merged (as ``verify`` compares them).
  public static func events<D: StreamDecoder>(chunks: [[UInt8]], decoder: D) -> [StreamEvent] {
    run(decoder, chunks: chunks)
  }

  public static func chunked(_ bytes: [UInt8], size: Int) -> [[UInt8]] {
    stride(from: 0, to: bytes.count, by: size).map { Array(bytes[$0..<min(bytes.count, $0 + size)]) }
  }

  static func run<D: StreamDecoder>(_ decoder: D, chunks: [[UInt8]]) -> [StreamEvent] {
    var decoder = decoder
    var events: [StreamEvent] = []
    for chunk in chunks { events += decoder.decode(chunk) }
    events += decoder.finish()
    return merged(events)
  }

  /// Adjacent text events of the same kind merged into one.
  public static func merged(_ events: [StreamEvent]) -> [StreamEvent] {
    var out: [StreamEvent] = []
    for event in events {
      switch (out.last, event) {
      case (.answer(let a)?, .answer(let b)): out[out.count - 1] = .answer(a + b)
      case (.reasoning(let a)?, .reasoning(let b)): out[out.count - 1] = .reasoning(a + b)
      default: out.append(event)
      }
    }
    return out
  }
}
