import PonderCore
import PonderTestSupport
import Testing

/// The pump in push mode, as a tool-using turn drives it: text is paced like a response's, tool
/// work releases the text before it at once and travels with it, and pausing holds both.
@Suite struct ResponsePumpFeedTests {
  static let call = ToolCall(id: "c1", name: "read_file", arguments: ["path": "a.txt"])
  static let result = ToolResult(call: call, content: "hello", status: .ok)
  static let outcome = ToolTurnOutcome(messages: [.assistant("ab")], ending: .answered(GenerationStats()), steps: 1)

  @Test func toolWorkReleasesTheTextBeforeItInTheSameRelease() async {
    let clock = ManualClock()
    let sut = ResponsePump(clock: clock, interval: .milliseconds(50))
    var released = sut.released.makeAsyncIterator()
    await sut.feed([.stream(.reasoning("I will "))])
    #expect(await released.next() == ResponseBatch(events: [.reasoning("I will ")], fragments: .init(reasoning: 1)))
    // Within the interval: held, then released at once by the call that follows it.
    await sut.feed([.stream(.reasoning("read it")), .toolCall(Self.call)])
    #expect(
      await released.next()
        == ResponseBatch(events: [.reasoning("read it")], fragments: .init(reasoning: 1), toolEvents: [.toolCall(Self.call)]))
    await sut.feed([.toolStarted(Self.call), .toolFinished(Self.result)])
    #expect(await released.next() == ResponseBatch(events: [], toolEvents: [.toolStarted(Self.call), .toolFinished(Self.result)]))
    // Text after tool work is paced again: the last release was just now, so it waits one interval.
    await sut.feed([.stream(.answer("a"))])
    await clock.waitForSleepers(1)
    clock.advance(by: .milliseconds(50))
    #expect(await released.next() == ResponseBatch(events: [.answer("a")], fragments: .init(answer: 1)))
    await sut.feed([.stream(.answer("b")), .turnEnded(Self.outcome)])
    await sut.finishFeeding()
    #expect(
      await released.next()
        == ResponseBatch(events: [.answer("b")], fragments: .init(answer: 1), toolEvents: [.turnEnded(Self.outcome)]))
    #expect(await released.next() == nil)
  }

  @Test func textBetweenToolEventsKeepsItsPlace() async {
    let sut = ResponsePump(clock: ManualClock(), interval: .milliseconds(50))
    await sut.pause()
    await sut.feed([.stream(.answer("x")), .toolCall(Self.call), .stream(.answer("y")), .notice("n")])
    await sut.resume()
    await sut.finishFeeding()
    var all: [ResponseBatch] = []
    for await batch in sut.released { all.append(batch) }
    #expect(all.map(\.events) == [[.answer("x")], [.answer("y")]])
    #expect(all.map(\.toolEvents) == [[.toolCall(Self.call)], [.notice("n")]])
  }

  @Test func pausedHoldsTextAndToolWorkAndCountsTheBacklog() async {
    let clock = ManualClock()
    let sut = ResponsePump(clock: clock, interval: .milliseconds(50))
    await sut.pause()
    await sut.feed([.stream(.answer("12345")), .toolCall(Self.call), .stream(.answer("678"))])
    #expect(await sut.backlogBytes == 8)
    let collector = Task {
      var all: [ResponseBatch] = []
      for await batch in sut.released { all.append(batch) }
      return all
    }
    await sut.finishFeeding()  // nothing may come out while paused, even at the end
    for _ in 0..<1_000 { await Task.yield() }
    await sut.resume()
    let all = await collector.value
    #expect(all.map(\.events) == [[.answer("12345")], [.answer("678")]])
    #expect(all.first?.toolEvents == [.toolCall(Self.call)])
    #expect(await sut.backlogBytes == 0)
  }

  @Test func aPausedFeedPastTheCapWaitsUntilResumed() async {
    let sut = ResponsePump(clock: ManualClock(), interval: .milliseconds(50), capacity: 10)
    await sut.pause()
    await sut.feed([.stream(.answer("0123456789")), .toolCall(Self.call)])
    let producer = Task {
      await sut.feed([.stream(.answer("more text past the cap"))])
      return true
    }
    for _ in 0..<1_000 { await Task.yield() }
    #expect(await sut.backlogBytes == 32)
    await sut.resume()
    #expect(await producer.value)
    await sut.finishFeeding()
    var text = ""
    for await batch in sut.released {
      for case .answer(let piece) in batch.events { text += piece }
    }
    #expect(text == "0123456789more text past the cap")
  }
}
