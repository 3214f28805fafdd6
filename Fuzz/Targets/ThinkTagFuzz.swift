import PonderCore

/// `scripts/fuzz think`: ``ThinkTagSplitter`` over the payload decoded as UTF-8 and fed in
/// fragments of the input's chunk sizes (counted in Unicode scalars, as decoders hand over whole
/// strings). Option bit 0: the prompt opens the tag. Bit 1: a stray-tag window of 0–63 bytes
/// (from the upper bits) instead of 4096. Checked: the merged events and the reasoning prefix
/// length do not depend on the fragments; only text events come out; no U+FFFD appears that was
/// not in the text (no cut inside a character); nothing is added; text without `<` and with no
/// tag opened in the prompt comes out unchanged as the answer.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzThinkTags(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let input = FuzzInput(UnsafeBufferPointer(start: data, count: size))
  let text = String(decoding: input.payload, as: UTF8.self)
  let opensInPrompt = input.flag(0)
  let window = input.flag(1) ? Int(input.flags >> 2) : 4096
  func run(_ fragments: [String]) -> (events: [StreamEvent], prefix: Int?) {
    var splitter = ThinkTagSplitter(opensInPrompt: opensInPrompt, strayTagWindow: window)
    var events: [StreamEvent] = []
    for fragment in fragments { events += splitter.feed(fragment) }
    events += splitter.finish()
    return (DecoderVerifier.merged(events), splitter.reasoningPrefixLength)
  }
  let whole = run([text])
  let scalars = Array(text.unicodeScalars)
  let fragments = FuzzInput.cut(scalars, sizes: input.chunkSizes).map { String(String.UnicodeScalarView($0)) }
  let split = run(fragments)
  FuzzCheck.require(
    whole.events == split.events && whole.prefix == split.prefix,
    "fragments \(fragments) changed the result\nwhole: \(whole)\nsplit: \(split)")
  var outputBytes = 0
  for event in whole.events {
    switch event {
    case .reasoning(let out), .answer(let out):
      outputBytes += out.utf8.count
      FuzzCheck.require(
        !out.unicodeScalars.contains("\u{FFFD}") || text.unicodeScalars.contains("\u{FFFD}"),
        "a character was cut: \(whole.events)")
    case .toolCalls, .done, .error:
      FuzzCheck.require(false, "the splitter gave a non-text event: \(event)")
    }
  }
  FuzzCheck.require(outputBytes <= text.utf8.count, "more text out than in: \(whole.events) from \(text)")
  if !opensInPrompt, !text.utf8.contains(UInt8(ascii: "<")) {
    let expected: [StreamEvent] = text.isEmpty ? [] : [.answer(text)]
    FuzzCheck.require(whole.events == expected, "untagged text changed: \(whole.events) from \(text)")
  }
  return 0
}
