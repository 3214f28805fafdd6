import PonderCore
import PonderHTTP
import Testing

/// The pump's clock in the chat: its sleeps end on the network thread, and end early when the
/// sleeping task is cancelled.
@Suite struct NetworkClockTests {
  @Test func aSleepEndsOnTheNetworkThread() async throws {
    let transport = AsyncHTTPTransport()
    let clock = transport.networkClock
    let executor = try #require(transport.readingExecutor)
    let thread = try await Task(executorPreference: executor) {
      try await clock.sleep(for: .milliseconds(5))
      return StreamingClientHTTPTests.threadName()
    }.value
    await transport.shutdown()
    #expect(thread.hasPrefix("ponder-net"), "\(thread)")
  }

  @Test func cancellingTheSleeperEndsTheSleepWithCancellation() async {
    let transport = AsyncHTTPTransport()
    let clock = transport.networkClock
    let (started, startedSeen) = AsyncStream.makeStream(of: Void.self)
    let sleeper = Task {
      startedSeen.yield()
      try await clock.sleep(for: .seconds(600))
    }
    for await _ in started { break }
    sleeper.cancel()
    let result = await sleeper.result
    await transport.shutdown()
    #expect(throws: CancellationError.self) { try result.get() }
  }
}
