/// One fuzz input read as options, a chunking and a payload, so that libFuzzer's mutations
/// change how the payload is cut into network reads as well as the payload itself.
///
/// Layout: byte 0 holds option flags (each target reads the bits it needs); byte 1 modulo 32 is
/// the number `k` of chunk-size bytes that follow; after them comes the payload. The payload is
/// fed in reads of those sizes in turn (0 is an empty read); with `k == 0` it is fed one byte
/// per read. `scripts/fuzz` seeds the corpus with fixtures behind such a header.
struct FuzzInput {
  var flags: UInt8
  var chunkSizes: [Int]
  var payload: [UInt8]

  init(_ data: UnsafeBufferPointer<UInt8>) {
    flags = data.count > 0 ? data[0] : 0
    let count = data.count > 1 ? Int(data[1] % 32) : 0
    let sizesEnd = min(data.count, 2 + count)
    chunkSizes = sizesEnd > 2 ? data[2..<sizesEnd].map(Int.init) : []
    payload = Array(data[sizesEnd...])
  }

  /// Whether option bit `bit` (0–7) is set.
  func flag(_ bit: Int) -> Bool { flags & (1 << bit) != 0 }

  /// The reads the payload is cut into; empty reads are kept, and a cycle of sizes that are all
  /// zero ends after one round of empty reads so the cut always makes progress.
  var chunks: [[UInt8]] { Self.cut(payload, sizes: chunkSizes) }

  static func cut<Element>(_ items: [Element], sizes: [Int]) -> [[Element]] {
    let sizes = sizes.isEmpty ? [1] : sizes
    var chunks: [[Element]] = []
    var start = 0
    var turn = 0
    var emptyRun = 0
    while start < items.count {
      var size = sizes[turn % sizes.count]
      turn += 1
      if size == 0 {
        emptyRun += 1
        if emptyRun >= sizes.count {
          size = 1
        } else {
          chunks.append([])
          continue
        }
      }
      emptyRun = 0
      let end = min(items.count, start + size)
      chunks.append(Array(items[start..<end]))
      start = end
    }
    return chunks
  }
}
