import PonderCore

/// `scripts/fuzz ndjson`: ``NDJSONFramer`` gives the same records and the same error at the
/// same place whole and chunked, and, with the production cap, the records of
/// ``NDJSONReference``. Option bit 0: a record cap of 16–79 bytes instead of 8 MB.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNDJSONFramer(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let input = FuzzInput(UnsafeBufferPointer(start: data, count: size))
  let cap = FuzzCheck.cap(input, bit: 0, default: 8 << 20)
  let whole = NDJSONFramerRun(cap: cap, chunks: [input.payload])
  let chunked = NDJSONFramerRun(cap: cap, chunks: input.chunks)
  FuzzCheck.require(
    whole == chunked, "chunking \(input.chunkSizes) changed the records\nwhole:   \(whole)\nchunked: \(chunked)")
  if !input.flag(0) {
    let reference = NDJSONReference.records(input.payload)
    FuzzCheck.require(
      whole.error == nil && whole.records == reference,
      "differs from the reference\nframer:    \(whole)\nreference: \(reference)")
  }
  return 0
}

/// The records (and the error that stopped them) of one framer fed `chunks`, then ended.
struct NDJSONFramerRun: Equatable {
  var records: [[UInt8]] = []
  var error: ChatError?

  init(cap: Int, chunks: [[UInt8]]) {
    var framer = NDJSONFramer(maxRecordLength: cap)
    for chunk in chunks {
      framer.append(chunk)
      do {
        while let record = try framer.nextRecord() { records.append(Array(record)) }
      } catch {
        self.error = error
        return
      }
    }
    if let last = framer.finish() { records.append(Array(last)) }
  }
}
