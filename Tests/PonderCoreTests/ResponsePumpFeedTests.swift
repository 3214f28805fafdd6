import PonderCore
import PonderTestSupport
import Testing

/// The pump as every turn drives it: the reader feeds events, text is paced on the leading edge,
/// tool work releases the text before it at once and travels with it, pausing holds both, and a
/// paused pump past its cap stalls the reader.
@Suite struct ResponsePumpFeedTests {
  static let call = ToolCall(id: "c1", name: "read_file", arguments: ["path": "a.txt"])
  static let result = ToolResult(call: call, content: "hello", status: .ok)
  static let outcome = ToolTurnOutcome(messages: [.assistant("ab")], ending: .answered(GenerationStats()), steps: 1)

  @Test func toolWorkReleasesTheTextBeforeItInTheSameRelease() async {
    let clock = ManualClock()
    let (sut, outputs) = ResponsePump.streaming(clock: clock, interval: .milliseconds(50))
    var released = outputs.makeAsyncIterator()
    await sut.feed([.stream(.reasoning("I will "))])
    #expect(
      await released.next() == .release(ResponseBatch(events: [.reasoning("I will ")], fragments: .init(reasoning: 1))))
    // Within the interval: held, then released at once by the call that follows it.
    await sut.feed([.stream(.reasoning("read it")), .toolCall(Self.call)])
    #expect(
      await released.next()
        == .release(
          ResponseBatch(
            events: [.reasoning("read it")], fragments: .init(reasoning: 1), toolEvents: [.toolCall(Self.call)])))
    await sut.feed([.toolStarted(Self.call), .toolFinished(Self.result)])
    #expect(
      await released.next()
        == .release(ResponseBatch(events: [], toolEvents: [.toolStarted(Self.call), .toolFinished(Self.result)])))
    // Text after tool work is paced again: the last release was just now, so it waits one interval.
    await sut.feed([.stream(.answer("a"))])
    await clock.waitForSleepers(1)
    clock.advance(by: .milliseconds(50))
    #expect(await released.next() == .release(ResponseBatch(events: [.answer("a")], fragments: .init(answer: 1))))
    await sut.feed([.stream(.answer("b")), .turnEnded(Self.outcome)])
    await sut.finishFeeding()
    #expect(
      await released.next()
        == .release(
          ResponseBatch(events: [.answer("b")], fragments: .init(answer: 1), toolEvents: [.turnEnded(Self.outcome)])))
    #expect(await released.next() == .finished)
    #expect(await released.next() == nil)
  }

  /// A deferred release whose timer wakes late counts as made when it was due: the next token of
  /// a steady stream, a little over one interval later, goes out at once. (Counting from the late
  /// wake-up, each token waited a little longer than the one before, up to a whole interval.)
  @Test func aTimerThatWakesLateDoesNotPushLaterReleasesBack() async {
    let clock = ManualClock()
    let (sut, outputs) = ResponsePump.streaming(clock: clock, interval: .milliseconds(50))
    var released = outputs.makeAsyncIterator()
    await sut.feed([.stream(.answer("a"))])
    #expect(await released.next() == .release(ResponseBatch(events: [.answer("a")], fragments: .init(answer: 1))))
    // 49.8 ms later: deferred to 50 ms; the timer wakes 1 ms late, at 51 ms.
    clock.advance(by: .microseconds(49_800))
    await sut.feed([.stream(.answer("b"))])
    await clock.waitForSleepers(1)
    clock.advance(by: .microseconds(1200))
    #expect(await released.next() == .release(ResponseBatch(events: [.answer("b")], fragments: .init(answer: 1))))
    // The next token, 50.25 ms after the last: one interval after 50 ms, so at once, no timer.
    clock.advance(by: .microseconds(49_050))
    await sut.feed([.stream(.answer("c"))])
    let held = await sut.backlogBytes
    #expect(held == 0, "the token was held for a timer")
    if held > 0 {
      await clock.waitForSleepers(1)
      clock.advance(by: .milliseconds(50))
    }
    #expect(await released.next() == .release(ResponseBatch(events: [.answer("c")], fragments: .init(answer: 1))))
    await sut.finishFeeding()
  }

  @Test func textAfterAQuietIntervalGoesOutAtOnceAndABurstWaitsForTheInterval() async {
    let clock = ManualClock()
    let (sut, outputs) = ResponsePump.streaming(clock: clock, interval: .milliseconds(50))
    var released = outputs.makeAsyncIterator()
    await sut.feed([.stream(.answer("a"))])
    #expect(await released.next() == .release(ResponseBatch(events: [.answer("a")], fragments: .init(answer: 1))))
    // A slow stream: the next token comes 60 ms later and is shown at once, with no timer.
    clock.advance(by: .milliseconds(60))
    await sut.feed([.stream(.answer("b"))])
    #expect(clock.sleeperCount == 0)
    #expect(await released.next() == .release(ResponseBatch(events: [.answer("b")], fragments: .init(answer: 1))))
    // A burst right after: merged, and released one interval after the last release.
    clock.advance(by: .milliseconds(10))
    await sut.feed([.stream(.answer("c"))])
    await sut.feed([.stream(.answer("d"))])
    await clock.waitForSleepers(1)
    clock.advance(by: .milliseconds(39))
    #expect(clock.sleeperCount == 1)
    clock.advance(by: .milliseconds(1))
    #expect(await released.next() == .release(ResponseBatch(events: [.answer("cd")], fragments: .init(answer: 2))))
  }

  @Test func textBetweenToolEventsKeepsItsPlace() async {
    let (sut, outputs) = ResponsePump.streaming(clock: ManualClock(), interval: .milliseconds(50))
    await sut.pause()
    await sut.feed([.stream(.answer("x")), .toolCall(Self.call), .stream(.answer("y")), .notice("n")])
    await sut.resume()
    await sut.finishFeeding()
    var all: [ResponseBatch] = []
    for await case .release(let batch) in outputs { all.append(batch) }
    #expect(all.map(\.events) == [[.answer("x")], [.answer("y")]])
    #expect(all.map(\.toolEvents) == [[.toolCall(Self.call)], [.notice("n")]])
  }

  @Test func pausedHoldsTextAndToolWorkAndCountsTheBacklog() async {
    let clock = ManualClock()
    let (sut, outputs) = ResponsePump.streaming(clock: clock, interval: .milliseconds(50))
    await sut.pause()
    await sut.feed([.stream(.answer("12345")), .toolCall(Self.call), .stream(.answer("678"))])
    #expect(await sut.backlogBytes == 8)
    await sut.finishFeeding()
    clock.advance(by: .seconds(1))
    // Nothing came out while paused, even at the end: the first output is what resume releases.
    await sut.resume()
    var all: [ResponsePump<ManualClock>.Output] = []
    for await output in outputs { all.append(output) }
    #expect(
      all == [
        .release(
          ResponseBatch(events: [.answer("12345")], fragments: .init(answer: 1), toolEvents: [.toolCall(Self.call)])),
        .release(ResponseBatch(events: [.answer("678")], fragments: .init(answer: 1))),
        .finished,
      ])
    #expect(await sut.backlogBytes == 0)
  }

  /// What came first: the producer's feed returning, or the pump saying it stopped reading.
  enum First: Equatable {
    case feedReturned
    case readingStopped(Int)
  }

  /// Races the producer's return (signalled on `returned`) against the pump's `readingStopped`,
  /// so a pump that does not wait fails the test instead of hanging it.
  static func first(
    _ outputs: AsyncStream<ResponsePump<ManualClock>.Output>, _ returned: AsyncStream<Void>
  ) async -> First? {
    await withTaskGroup(of: First?.self) { group in
      group.addTask {
        for await _ in returned { return .feedReturned }
        return nil
      }
      group.addTask {
        for await case .readingStopped(let bytes) in outputs { return .readingStopped(bytes) }
        return nil
      }
      let first = await group.next() ?? nil
      group.cancelAll()
      return first
    }
  }

  @Test func aPausedFeedPastTheCapWaitsUntilResumed() async {
    let (sut, outputs) = ResponsePump.streaming(clock: ManualClock(), interval: .milliseconds(50), capacity: 10)
    await sut.pause()
    await sut.feed([.stream(.answer("0123456789")), .toolCall(Self.call)])  // at the cap, not past it
    let (returned, signal) = AsyncStream.makeStream(of: Void.self)
    let producer = Task {
      await sut.feed([.stream(.answer("more text past the cap"))])
      signal.yield()
    }
    // The feed that went past the cap must not return before resume.
    #expect(await Self.first(outputs, returned) == .readingStopped(32))
    await sut.resume()
    await producer.value
    await sut.finishFeeding()
    var text = ""
    for await case .release(let batch) in outputs {
      for case .answer(let piece) in batch.events { text += piece }
    }
    #expect(text == "0123456789more text past the cap")
  }

  /// The reader of a real response body, as the turn coordinator runs it: back-pressure reaches
  /// the transport, whose body is not read past the cap while paused, and nothing is lost.
  @Test func pausedPumpStopsReadingTheBodyPastTheCapAndLosesNothing() async {
    let clock = ManualClock()
    let (sut, outputs) = ResponsePump.streaming(clock: clock, interval: .milliseconds(50), capacity: 100)
    let lines = (0..<50).map { PumpBody.line(String(repeating: "x", count: 9) + "\($0 % 10)") }
    let transport = CannedTransport([.init(chunks: lines + [PumpBody.done])])  // one chunk per read, counted
    await sut.pause()
    let (returned, signal) = AsyncStream.makeStream(of: Void.self)
    let reader = Task {
      for await batch in PumpBody.events(for: transport) { await sut.feed(batch.map { .stream($0) }) }
      signal.yield()
      await sut.finishFeeding()
    }
    #expect(await Self.first(outputs, returned) == .readingStopped(110))
    #expect(transport.reads == 11)
    await sut.resume()
    var text = ""
    var sawDone = false
    for await case .release(let batch) in outputs {
      for event in batch.events {
        if case .answer(let piece) = event { text += piece }
        if case .done = event { sawDone = true }
      }
      clock.advance(by: .milliseconds(50))
    }
    await reader.value
    #expect(sawDone)
    #expect(text == lines.indices.map { String(repeating: "x", count: 9) + "\($0 % 10)" }.joined())
    #expect(transport.reads == 51)
  }
}

/// A response body served from memory, as the pump's reader sees it.
enum PumpBody {
  static func line(_ text: String) -> [UInt8] { Array("{\"message\":{\"content\":\"\(text)\"},\"done\":false}\n".utf8) }
  static let done = Array("{\"message\":{\"content\":\"\"},\"done\":true,\"done_reason\":\"stop\"}\n".utf8)

  static func events(for transport: some HTTPTransport) -> EventBatches {
    StreamingClient(transport: transport).events(
      for: HTTPRequestSpec(method: .post, url: "http://x/api/chat"), decoder: OllamaChatDecoder())
  }
}
