import PonderCore
import PonderTestSupport
import Testing

@Suite struct OllamaPullDecoderTests {
  func bytes(_ lines: [String]) -> [UInt8] { Array(lines.joined().utf8) }

  @Test func aWholePullDecodesTheSameUnderEveryChunking() {
    let lines = ScriptedPull(model: "llama3.2-vision", step: .zero).lines
    let (events, mismatches) = DecoderVerifier.verifyEvents(bytes(lines)) { OllamaPullDecoder() }
    #expect(mismatches.isEmpty, "chunkings that disagree: \(mismatches.prefix(5))")
    #expect(events.first == .status("pulling manifest"))
    #expect(events.last == .success)
    #expect(events.count == lines.count)
    #expect(events.contains(.status("verifying sha256 digest")))
    var progress = PullProgress(model: "llama3.2-vision")
    for event in events { progress.apply(event) }
    #expect(progress.layers.count == 2)
    #expect(progress.total == ScriptedPull.bigSize + ScriptedPull.smallSize)
    #expect(progress.completed == progress.total)
    #expect(progress.succeeded)
  }

  @Test func layerLinesCarryDigestAndCountsWithZeroOmitted() {
    let line = #"{"status":"pulling dde5aa3fc5ff","digest":"sha256:dde5aa3fc5ff","total":2019377376}"# + "\n"
    let later =
      #"{"status":"pulling dde5aa3fc5ff","digest":"sha256:dde5aa3fc5ff","total":2019377376,"completed":241970}"# + "\n"
    let events = DecoderVerifier.verifyEvents(bytes([line, later])) { OllamaPullDecoder() }.events
    #expect(
      events == [
        .layer(status: "pulling dde5aa3fc5ff", digest: "sha256:dde5aa3fc5ff", completed: 0, total: 2_019_377_376),
        .layer(status: "pulling dde5aa3fc5ff", digest: "sha256:dde5aa3fc5ff", completed: 241_970, total: 2_019_377_376),
        .failed(ChatError(.truncated, "the server closed the pull before it said success")),
      ])
  }

  // Found by scripts/fuzz pull: a byte count beyond Int64 trapped the conversion; it reads as 0.
  @Test func countsOutOfRangeReadAsZeroInsteadOfCrashing() {
    let (events, mismatches) = DecoderVerifier.verifyEvents(Fixtures.bytes("pull/out-of-range-numbers.ndjson")) {
      OllamaPullDecoder()
    }
    #expect(mismatches.isEmpty, "chunkings that disagree: \(mismatches.prefix(5))")
    #expect(
      events == [
        .status("pulling manifest"),
        .layer(status: "pulling dde5aa3fc5ff", digest: "sha256:dde5aa3fc5ff", completed: 241_970, total: 0),
        .layer(status: "pulling 966de95ca8a6", digest: "sha256:966de95ca8a6", completed: 0, total: 1429),
        .success,
      ])
  }

  @Test func anUnknownModelIsTheInBandErrorLine() {
    let (events, mismatches) = DecoderVerifier.verifyEvents(bytes(ScriptedPull(model: "nope", step: .zero).lines)) {
      OllamaPullDecoder()
    }
    #expect(mismatches.isEmpty)
    #expect(
      events == [.status("pulling manifest"), .failed(ChatError(.server, "pull model manifest: file does not exist"))])
  }

  @Test func aFullDiskFailsMidDownload() {
    let events = DecoderVerifier.verifyEvents(bytes(ScriptedPull(model: "big-diskfull", step: .zero).lines)) {
      OllamaPullDecoder()
    }.events
    guard case .failed(let error)? = events.last else {
      Issue.record("a full disk must end the pull with a failure")
      return
    }
    #expect(error.kind == .server)
    #expect(error.message.contains("no space left on device"))
  }

  @Test func nothingAfterSuccessOrAnErrorCounts() {
    let lines = [#"{"status":"success"}"# + "\n", #"{"error":"late"}"# + "\n"]
    #expect(DecoderVerifier.verifyEvents(bytes(lines)) { OllamaPullDecoder() }.events == [.success])
  }

  @Test func aLineThatIsNotAnObjectIsMalformed() {
    let events = DecoderVerifier.verifyEvents(bytes(["[1,2]\n", #"{"status":"success"}"# + "\n"])) {
      OllamaPullDecoder()
    }.events
    #expect(events.count == 1)
    guard case .failed(let error)? = events.first else {
      Issue.record("expected a failure")
      return
    }
    #expect(error.kind == .malformed)
  }
}
