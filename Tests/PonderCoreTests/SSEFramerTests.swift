import PonderCore
import PonderTestSupport
import Testing

@Suite struct SSEFramerTests {
  /// The events for `chunks`, or the error the framer threw.
  private func frames(_ chunks: [[UInt8]], maxEventLength: Int = 1 << 20) -> Result<[SSEEvent], ChatError> {
    var framer = SSEFramer(maxEventLength: maxEventLength)
    var events: [SSEEvent] = []
    do {
      for chunk in chunks {
        framer.append(chunk)
        while let event = try framer.nextEvent() { events.append(event) }
      }
    } catch {
      return .failure(error)
    }
    if let last = framer.finish() { events.append(last) }
    return .success(events)
  }

  /// Frames `text` whole, byte by byte and split at every index; all must agree.
  private func framesUnderEveryChunking(
    _ text: String, sourceLocation: SourceLocation = #_sourceLocation
  ) -> [SSEEvent] {
    let bytes = Array(text.utf8)
    let reference = frames([bytes])
    var chunkings: [[[UInt8]]] = [bytes.map { [$0] }]
    for index in 0...bytes.count { chunkings.append([Array(bytes[..<index]), Array(bytes[index...])]) }
    for chunks in chunkings {
      let result = frames(chunks)
      #expect(result == reference, "chunking \(chunks.map(\.count))", sourceLocation: sourceLocation)
      if result != reference { break }
    }
    return (try? reference.get()) ?? []
  }

  @Test func fieldsTypesAndMultiLineData() {
    let events = framesUnderEveryChunking(
      "event: add\ndata: one\ndata:two\ndata:  three\n\ndata: plain\n\nevent: skipped\n\ndata: after\n\n")
    #expect(
      events == [
        SSEEvent(type: "add", data: "one\ntwo\n three"),
        SSEEvent(type: "message", data: "plain"),
        // An event with no data dispatches nothing and its type does not leak into the next one.
        SSEEvent(type: "message", data: "after"),
      ])
  }

  @Test func commentsUnknownFieldsIdAndRetryAreIgnored() {
    let events = framesUnderEveryChunking(
      ": keep-alive\n\n:\n\n: OPENROUTER PROCESSING\ndata: x\nid: 3\nretry: 100\nfoo: bar\nbare\n\n")
    #expect(events == [SSEEvent(data: "x")])
  }

  @Test func fieldWithoutColonHasEmptyValue() {
    #expect(framesUnderEveryChunking("data\n\ndata\ndata\n\n") == [SSEEvent(data: ""), SSEEvent(data: "\n")])
  }

  @Test(arguments: ["\r\n", "\n", "\r"])
  func everyLineEndingGivesTheSameEvents(ending: String) {
    let text = ["data: a", "", "event: e", "data: b", "data: c", "", ""].joined(separator: ending)
    #expect(framesUnderEveryChunking(text) == [SSEEvent(data: "a"), SSEEvent(type: "e", data: "b\nc")])
  }

  @Test func crAtTheEndOfOneReadAndLFAtTheStartOfTheNextAreOneTerminator() {
    let first = Array("data: a\r".utf8)
    let second = Array("\ndata: b\r\n\r\n".utf8)
    #expect(frames([first, second]) == .success([SSEEvent(data: "a\nb")]))
    // And a CR at the end of a read followed by a blank line's CR is a real blank line.
    #expect(
      frames([Array("data: a\r".utf8), Array("\rdata: b\r\r".utf8)])
        == .success([
          SSEEvent(data: "a"), SSEEvent(data: "b"),
        ]))
  }

  @Test func leadingBOMIsSkippedOnlyAtTheStart() {
    let events = framesUnderEveryChunking("\u{FEFF}data: a\n\ndata: \u{FEFF}b\n\n")
    #expect(events == [SSEEvent(data: "a"), SSEEvent(data: "\u{FEFF}b")])
  }

  @Test func multiByteCharactersSurviveEverySplit() {
    let events = framesUnderEveryChunking("data: café 🙂 a\u{2028}b\n\n")
    #expect(events == [SSEEvent(data: "café 🙂 a\u{2028}b")])
  }

  @Test func pendingEventAtEOFIsKeptOnlyWhenItsDataIsCompleteJSON() {
    #expect(framesUnderEveryChunking(#"data: {"a":1}"#) == [SSEEvent(data: #"{"a":1}"#)])
    #expect(framesUnderEveryChunking("data: {\"a\":1}\n") == [SSEEvent(data: #"{"a":1}"#)])
    #expect(framesUnderEveryChunking("data: [DONE]") == [SSEEvent(data: "[DONE]")])
    #expect(framesUnderEveryChunking(#"data: {"a":"#).isEmpty)
    #expect(framesUnderEveryChunking("data: {\"a\":1}\n\ndata: half").count == 1)
  }

  @Test func oversizedEventIsRejected() {
    let line = "data: " + String(repeating: "x", count: 100) + "\n"
    let unterminated = "data: " + String(repeating: "y", count: 200)
    for text in [line + line, unterminated] {
      guard case .failure(let error) = frames([Array(text.utf8)], maxEventLength: 120) else {
        Issue.record("expected an error for \(text.utf8.count) bytes")
        continue
      }
      #expect(error.kind == .malformed)
    }
  }
}
