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
    #expect(sut.releaseTime(at: at(49)) == .at(at(50)))
    #expect(sut.releaseIfDue(at: at(50)) == [.answer("bc")])
    #expect(sut.releaseTime(at: at(50)) == nil)
  }

  @Test func textAfterAQuietIntervalIsDueAtOnce() {
    var sut = ResponseBuffer<Instant>(interval: .milliseconds(50))
    sut.append(.answer("a"))
    _ = sut.release(at: at(0))
    // Nothing went out in the last 50 ms: the leading edge, released as it arrives.
    sut.append(.answer("b"))
    #expect(sut.releaseTime(at: at(50)) == .now)
    #expect(sut.releaseTime(at: at(80)) == .now)
    _ = sut.release(at: at(80))
    // Sooner than that: at most one release per interval, however fast text comes.
    sut.append(.answer("c"))
    #expect(sut.releaseTime(at: at(81)) == .at(at(130)))
  }

  @Test func aFastStreamIsReleasedAtMostTwentyTimesASecond() {
    var sut = ResponseBuffer<Instant>(interval: .milliseconds(50))
    var releases = 0
    for millisecond in 0..<1000 {  // a token every millisecond for one second
      sut.append(.answer("t"))
      if !sut.releaseIfDue(at: at(millisecond)).isEmpty { releases += 1 }
    }
    #expect(releases == 20)
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
