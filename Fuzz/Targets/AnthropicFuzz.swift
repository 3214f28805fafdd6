import PonderCore

/// `scripts/fuzz anthropic`: ``AnthropicDecoder`` under the stream decoder contract.
/// Option bit 0: an event cap of 16–79 bytes instead of 8 MB.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAnthropic(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let input = FuzzInput(UnsafeBufferPointer(start: data, count: size))
  let cap = FuzzCheck.cap(input, bit: 0, default: 8 << 20)
  FuzzCheck.streamDecoder(input) { AnthropicDecoder(maxEventLength: cap) }
  return 0
}
