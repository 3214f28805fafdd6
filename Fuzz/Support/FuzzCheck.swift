import PonderCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The invariants the fuzz targets check. A violation prints what differed and aborts, which
/// libFuzzer reports as a crash and saves the input for `scripts/fuzz TARGET --repro FILE`.
enum FuzzCheck {
  static func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    guard !condition() else { return }
    fputs("fuzz invariant violated: \(message())\n", stderr)
    abort()
  }

  /// The stream decoder contract (``StreamDecoder``): the payload fed whole and in the input's
  /// chunking gives the same events (adjacent text merged, as ``DecoderVerifier`` compares them);
  /// exactly one terminal event, and it is the last; nothing more once it has been given.
  static func streamDecoder<D: StreamDecoder>(_ input: FuzzInput, _ make: () -> D) {
    var decoder = make()
    let whole = DecoderVerifier.merged(decoder.decode(input.payload) + decoder.finish())
    let after = decoder.decode(input.payload) + decoder.finish()
    require(after.isEmpty, "events after the terminal event: \(after)")
    let chunked = DecoderVerifier.run(make(), chunks: input.chunks)
    require(whole == chunked, "chunking \(input.chunkSizes) changed the events\nwhole:   \(whole)\nchunked: \(chunked)")
    let terminals = whole.filter(\.isTerminal).count
    require(terminals == 1 && whole.last?.isTerminal == true, "not exactly one terminal event, last: \(whole)")
  }

  /// The same contract for decoders of other events (``EventDecoder``).
  static func eventDecoder<D: EventDecoder>(
    _ input: FuzzInput, _ make: () -> D, isTerminal: (D.Event) -> Bool
  ) {
    func run(_ chunks: [[UInt8]]) -> [D.Event] {
      var decoder = make()
      return chunks.flatMap { decoder.decode($0) } + decoder.finish()
    }
    let whole = run([input.payload])
    let chunked = run(input.chunks)
    require(whole == chunked, "chunking \(input.chunkSizes) changed the events\nwhole:   \(whole)\nchunked: \(chunked)")
    let terminals = whole.filter(isTerminal).count
    require(terminals == 1 && whole.last.map(isTerminal) == true, "not exactly one terminal event, last: \(whole)")
  }

  /// A small cap (16–79 bytes) when option bit `bit` is set, so the size limits of framers are
  /// reached by short inputs; otherwise the production default.
  static func cap(_ input: FuzzInput, bit: Int, default value: Int) -> Int {
    input.flag(bit) ? 16 + Int(input.flags >> 2 & 0x3F) : value
  }
}
