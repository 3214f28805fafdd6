import PonderCore
import PonderTestSupport
import Testing

@Suite struct ResponseBufferTests {
  typealias Instant = ManualClock.Instant
  func at(_ milliseconds: Int) -> Instant { Instant(offset: .milliseconds(milliseconds)) }

  @Test func firstEventIsReleasedAtOnceThenAtMostEveryInterval() {
    var sut = ResponseBuffer<Instant>(interval: .milliseconds(50))
    sut.append(.answer("a"))
    #expect(sut.releaseIfDue(at: at(0)) == [.answer("a")])
    sut.append(.answer("b"))
    sut.append(.answer("c"))
    #expect(sut.releaseIfDue(at: at(10)).isEmpty)
    #expect(sut.releaseIfDue(at: at(49)).isEmpty)
    #expect(sut.releaseTime() == .at(at(50)))
    #expect(sut.releaseIfDue(at: at(50)) == [.answer("bc")])
    #expect(sut.releaseTime() == nil)
  }

  @Test func adjacentTextMergesButOrderAcrossKindsIsKept() {
    var sut = ResponseBuffer<Instant>()
    sut.append([.reasoning("r1"), .reasoning("r2"), .answer("a1"), .reasoning("r3"), .answer("a2"), .answer("a3")])
    #expect(sut.release(at: at(0)) == [.reasoning("r1r2"), .answer("a1"), .reasoning("r3"), .answer("a2a3")])
  }

  @Test(arguments: [
    StreamEvent.done(GenerationStats(doneReason: "stop")),
    .error(ChatError(.server, "boom")),
    .toolCalls([ToolCall(name: "t")]),
  ])
  func boundaryIsReleasedAtOnce(boundary: StreamEvent) {
    var sut = ResponseBuffer<Instant>(interval: .milliseconds(50))
    sut.append(.answer("x"))
    _ = sut.release(at: at(0))
    sut.append(.answer("y"))
    #expect(sut.releaseIfDue(at: at(5)).isEmpty)
    sut.append(boundary)
    #expect(sut.releaseIfDue(at: at(6)) == [.answer("y"), boundary])
  }

  @Test func releaseCountsTheFragmentsItMerged() {
    var sut = ResponseBuffer<Instant>()
    sut.append([.reasoning("a"), .reasoning("b"), .answer("c"), .answer("d"), .answer("e")])
    let batch = sut.releaseBatch(at: at(0))
    #expect(batch.events == [.reasoning("ab"), .answer("cde")])
    #expect(batch.fragments == FragmentCounts(reasoning: 2, answer: 3))
    #expect(sut.pendingFragments == FragmentCounts())
  }

  @Test func pendingBytesTrackTheCap() {
    var sut = ResponseBuffer<Instant>(interval: .milliseconds(50), capacity: 10)
    sut.append(.answer("12345"))
    #expect(!sut.isOverCapacity)
    sut.append(.reasoning("é12345"))
    #expect(sut.pendingBytes == 12)
    #expect(sut.isOverCapacity)
    _ = sut.release(at: at(0))
    #expect(sut.pendingBytes == 0)
  }

  /// Where a held answer's bytes live (`nil` for a string too small to have storage of its own).
  static func textStorage(_ event: StreamEvent?) -> UnsafeRawPointer? {
    guard case .answer(let text)? = event else { return nil }
    return text.utf8.withContiguousStorageIfAvailable { UnsafeRawPointer($0.baseAddress) } ?? nil
  }

  /// Linear means the held text is appended to in place: its storage moves only when it grows
  /// (a logarithmic number of times), where a merge that copies would move it on every append.
  @Test func mergingALargeBacklogStaysLinear() {
    var sut = ResponseBuffer<Instant>()
    var moves = 0
    var storage: UnsafeRawPointer?
    for _ in 0..<50_000 {
      sut.append(.answer("tok "))
      let now = Self.textStorage(sut.pending.last)
      if now != storage { moves += 1 }
      storage = now
    }
    #expect(moves < 100, "the held text moved \(moves) times in 50,000 appends")
    #expect(sut.pending == [.answer(String(repeating: "tok ", count: 50_000))])
  }
}

@Suite struct ResponsePumpTests {
  /// A transport that serves one NDJSON body, one chunk per `next()`, and counts the reads.
  final class CountingTransport: HTTPTransport, @unchecked Sendable {
    let chunks: [[UInt8]]
    private(set) var reads = 0
    init(_ chunks: [[UInt8]]) { self.chunks = chunks }
    func send(_ request: HTTPRequestSpec) async throws -> HTTPResponseStream {
      HTTPResponseStream(
        status: 200, headers: [],
        body: ResponseBody { [self] in
          var index = 0
          return {
            guard index < self.chunks.count else { return nil }
            defer { index += 1 }
            self.reads += 1
            return self.chunks[index]
          }
        })
    }
  }

  static func line(_ text: String) -> [UInt8] { Array("{\"message\":{\"content\":\"\(text)\"},\"done\":false}\n".utf8) }
  static let done = Array("{\"message\":{\"content\":\"\"},\"done\":true,\"done_reason\":\"stop\"}\n".utf8)

  func events(for transport: some HTTPTransport) -> EventBatches {
    StreamingClient(transport: transport).events(
      for: HTTPRequestSpec(method: .post, url: "http://x/api/chat"), decoder: OllamaChatDecoder())
  }

  @Test func releasesOnTheClockAndAtOnceAtTheEnd() async {
    let clock = ManualClock()
    let sut = ResponsePump(clock: clock, interval: .milliseconds(50))
    let transport = CountingTransport([Self.line("a"), Self.line("b"), Self.line("c"), Self.done])
    let runner = Task { await sut.run(events(for: transport)) }
    var released = sut.released.map(\.events).makeAsyncIterator()
    // "a" goes out at once; "b" and "c" wait for the interval; done flushes the rest immediately.
    #expect(await released.next() == [.answer("a")])
    #expect(await released.next() == [.answer("bc"), .done(GenerationStats(doneReason: "stop"))])
    #expect(await released.next() == nil)
    await runner.value
  }

  @Test func holdsTextUntilTheIntervalPasses() async {
    let clock = ManualClock()
    let sut = ResponsePump(clock: clock, interval: .milliseconds(50))
    let (source, feed) = AsyncStream.makeStream(of: [UInt8].self)
    let transport = StreamTransport(source)
    let runner = Task { await sut.run(events(for: transport)) }
    var released = sut.released.map(\.events).makeAsyncIterator()
    feed.yield(Self.line("a"))
    #expect(await released.next() == [.answer("a")])
    feed.yield(Self.line("b"))
    await clock.waitForSleepers(1)  // the pump scheduled a release instead of sending "b" now
    clock.advance(by: .milliseconds(49))
    #expect(clock.sleeperCount == 1)
    clock.advance(by: .milliseconds(1))
    #expect(await released.next() == [.answer("b")])
    feed.yield(Self.done)
    feed.finish()
    #expect(await released.next() == [.done(GenerationStats(doneReason: "stop"))])
    await runner.value
  }

  @Test func pausedPumpStopsReadingPastTheCapAndLosesNothing() async {
    let clock = ManualClock()
    let sut = ResponsePump(clock: clock, interval: .milliseconds(50), capacity: 100)
    let lines = (0..<50).map { Self.line(String(repeating: "x", count: 9) + "\($0 % 10)") }
    let transport = CountingTransport(lines + [Self.done])
    await sut.pause()
    let runner = Task { await sut.run(events(for: transport)) }
    // Wait until the reader blocks on the cap: it must stop well before the 51 chunks.
    for _ in 0..<100_000 where await sut.backlogBytes <= 100 { await Task.yield() }
    for _ in 0..<1_000 { await Task.yield() }
    #expect(transport.reads < 20)
    #expect(await sut.backlogBytes > 100)
    await sut.resume()
    var text = ""
    var sawDone = false
    for await batch in sut.released {
      for event in batch.events {
        if case .answer(let piece) = event { text += piece }
        if case .done = event { sawDone = true }
      }
      if sawDone { break }
      await sut.resume()
      clock.advance(by: .milliseconds(50))
    }
    await runner.value
    #expect(sawDone)
    #expect(text == lines.indices.map { String(repeating: "x", count: 9) + "\($0 % 10)" }.joined())
    #expect(transport.reads == 51)
  }
}

/// A transport whose single body is fed by a test, chunk by chunk.
final class StreamTransport: HTTPTransport, @unchecked Sendable {
  let source: AsyncStream<[UInt8]>
  init(_ source: AsyncStream<[UInt8]>) { self.source = source }
  func send(_ request: HTTPRequestSpec) async throws -> HTTPResponseStream {
    HTTPResponseStream(
      status: 200, headers: [],
      body: ResponseBody { [source] in
        let iterator = SharedIterator(source.makeAsyncIterator())
        return { await iterator.next() }
      })
  }
}

final class SharedIterator: @unchecked Sendable {
  var iterator: AsyncStream<[UInt8]>.Iterator
  init(_ iterator: AsyncStream<[UInt8]>.Iterator) { self.iterator = iterator }
  func next() async -> [UInt8]? { await iterator.next() }
}
