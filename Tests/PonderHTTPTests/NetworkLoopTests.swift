import Testing

@testable import PonderHTTP

#if canImport(Glibc)
  import Glibc
#endif

/// The network thread's loop: it wakes a task when its socket is ready or its deadline passes,
/// and at once when the task is cancelled.
@Suite struct NetworkLoopTests {
  let loop = NetworkLoop.shared

  @Test func aWaitEndsWhenTheSocketHasData() async throws {
    var ends: [Int32] = [-1, -1]
    #expect(socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &ends) == 0)
    defer { ends.forEach { close($0) } }
    let reader = ends[0]
    let waiter = Task(executorPreference: loop) { [loop] in
      try await loop.wait(for: reader, events: Int16(POLLIN), deadline: .now + .seconds(60))
    }
    try await Task.sleep(for: .milliseconds(20))
    var byte: UInt8 = 7
    #expect(write(ends[1], &byte, 1) == 1)
    #expect(try await waiter.value == true)
  }

  @Test func aWaitPastItsDeadlineSaysSo() async throws {
    var ends: [Int32] = [-1, -1]
    #expect(socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &ends) == 0)
    defer { ends.forEach { close($0) } }
    let start = ContinuousClock.now
    let ready = try await loop.wait(for: ends[0], events: Int16(POLLIN), deadline: .now + .milliseconds(30))
    #expect(ready == false)
    #expect(ContinuousClock.now - start >= .milliseconds(30))
  }

  @Test func cancellingAWaitEndsItAtOnce() async {
    var ends: [Int32] = [-1, -1]
    #expect(socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &ends) == 0)
    defer { ends.forEach { close($0) } }
    let reader = ends[0]
    let waiter = Task { [loop] in try await loop.wait(for: reader, events: Int16(POLLIN)) }
    try? await Task.sleep(for: .milliseconds(10))
    waiter.cancel()
    await #expect(throws: CancellationError.self) { try await waiter.value }
  }

  /// Many tasks at once, from other threads and from the loop itself: every sleep ends, in order
  /// of its deadline for each task.
  @Test func manySleepersAllWakeUp() async throws {
    let woken = try await withThrowingTaskGroup(of: Int.self) { group in
      for index in 0..<200 {
        group.addTask(executorPreference: index.isMultiple(of: 2) ? loop : nil) { [loop] in
          try await loop.sleep(until: .now + .milliseconds(index % 17))
          try await loop.sleep(until: .now + .milliseconds(1))
          return 1
        }
      }
      return try await group.reduce(0, +)
    }
    #expect(woken == 200)
  }
}
