import NIOCore

/// Runs Swift tasks on the NIO event loop that reads the sockets, so a task that awaits response
/// bytes resumes on the thread that just read them: no wake-up of another thread per chunk.
///
/// A task given this executor as its preference (``HTTPTransport/readingExecutor``) also runs the
/// nonisolated code and default actors it calls there, so a response chunk goes from the socket
/// through the decoder and into the pump on one thread. Nothing that blocks may run here: tools
/// and file reads ask for the global executor instead.
final class EventLoopTaskExecutor: TaskExecutor, @unchecked Sendable {
  private let loop: any EventLoop

  init(_ loop: any EventLoop) {
    self.loop = loop
  }

  func enqueue(_ job: consuming ExecutorJob) {
    let job = UnownedJob(job)
    loop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
  }
}
