import PonderCore

/// `scripts/fuzz openai`: ``OpenAIChatDecoder`` under the stream decoder contract.
/// Option bit 0: an event cap of 16–79 bytes instead of 8 MB. Bit 1: wrapped in a
/// ``ThinkTagFilter`` as for servers that leave `<think>` in the content (bit 7: the prompt
/// opens the tag; bit 6: a stray-tag window of 16 bytes instead of 4096).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOpenAIChat(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let input = FuzzInput(UnsafeBufferPointer(start: data, count: size))
  let cap = FuzzCheck.cap(input, bit: 0, default: 8 << 20)
  if input.flag(1) {
    let window = input.flag(6) ? 16 : 4096
    FuzzCheck.streamDecoder(input) {
      ThinkTagFilter(OpenAIChatDecoder(maxEventLength: cap), opensInPrompt: input.flag(7), strayTagWindow: window)
    }
  } else {
    FuzzCheck.streamDecoder(input) { OpenAIChatDecoder(maxEventLength: cap) }
  }
  return 0
}
