import PonderCore

/// `scripts/fuzz pull`: ``OllamaPullDecoder`` under the event decoder contract, and its events
/// followed as `ponder pull` and the chat's pull box do: summed into ``PullProgress``, timed by
/// ``TransferRate`` (one event every 250 ms) and drawn by ``PullProgressText``.
/// Option bit 0: a record cap of 16–79 bytes instead of 1 MB.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPull(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let input = FuzzInput(UnsafeBufferPointer(start: data, count: size))
  let cap = FuzzCheck.cap(input, bit: 0, default: 1 << 20)
  FuzzCheck.eventDecoder(input, { OllamaPullDecoder(maxRecordLength: cap) }, isTerminal: \.isTerminal)
  var decoder = OllamaPullDecoder(maxRecordLength: cap)
  var progress = PullProgress(model: "m")
  var rate = TransferRate()
  for (step, event) in (decoder.decode(input.payload) + decoder.finish()).enumerated() {
    progress.apply(event)
    rate.record(progress.completed, at: .milliseconds(250 * step))
    let line = PullProgressText.line(progress, rate: rate)
    FuzzCheck.require(!line.isEmpty || progress.status.isEmpty, "an empty progress line for \(progress)")
  }
  return 0
}
