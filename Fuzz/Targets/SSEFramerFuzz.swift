import PonderCore

/// `scripts/fuzz sse`: ``SSEFramer`` gives the same events and the same error at the same place
/// whole and chunked, and, with the production cap, the events of ``SSEReference``.
/// Option bit 0: an event cap of 16–79 bytes instead of 8 MB.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSSEFramer(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let input = FuzzInput(UnsafeBufferPointer(start: data, count: size))
  let cap = FuzzCheck.cap(input, bit: 0, default: 8 << 20)
  let whole = SSEFramerRun(cap: cap, chunks: [input.payload])
  let chunked = SSEFramerRun(cap: cap, chunks: input.chunks)
  FuzzCheck.require(
    whole == chunked, "chunking \(input.chunkSizes) changed the events\nwhole:   \(whole)\nchunked: \(chunked)")
  if !input.flag(0) {
    let reference = SSEReference.events(input.payload)
    FuzzCheck.require(
      whole.error == nil && whole.events == reference,
      "differs from the reference\nframer:    \(whole)\nreference: \(reference)")
  }
  return 0
}

/// The events (and the error that stopped them) of one framer fed `chunks`, then ended.
struct SSEFramerRun: Equatable {
  var events: [SSEEvent] = []
  var error: ChatError?

  init(cap: Int, chunks: [[UInt8]]) {
    var framer = SSEFramer(maxEventLength: cap)
    for chunk in chunks {
      framer.append(chunk)
      do {
        while let event = try framer.nextEvent() { events.append(event) }
      } catch {
        self.error = error
        return
      }
    }
    if let last = framer.finish() { events.append(last) }
  }
}
