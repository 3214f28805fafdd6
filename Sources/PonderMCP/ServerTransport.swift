import Foundation
import Logging
import MCP
import SystemPackage

/// The SDK's `StdioTransport` over a server process's pipes, with two additions the SDK's client
/// needs: it reports when the server closes its stdout (`onClosed`), and the message stream it
/// gives the client ends only on ``disconnect()``.
///
/// The SDK's client asks for the stream again whenever it ends; a stream that ended at the
/// server's EOF would have it spin on the empty stream instead of failing the pending requests.
/// Here EOF is reported instead, and the owner disconnects the client, which fails them.
actor ServerTransport: Transport {
  nonisolated let logger: Logger
  private let stdio: StdioTransport
  private let messages: AsyncThrowingStream<Data, any Error>
  private let sink: AsyncThrowingStream<Data, any Error>.Continuation
  private let onClosed: @Sendable () -> Void
  private var pump: Task<Void, Never>?

  /// `onClosed` runs once, when the server's stdout ends (it exited or closed it).
  init(process: ServerProcess, onClosed: @escaping @Sendable () -> Void) {
    let logger = Logger(label: "ponder.mcp", factory: { _ in SwiftLogNoOpLogHandler() })
    self.logger = logger
    stdio = StdioTransport(
      input: FileDescriptor(rawValue: process.output), output: FileDescriptor(rawValue: process.input),
      logger: logger)
    (messages, sink) = AsyncThrowingStream.makeStream()
    self.onClosed = onClosed
  }

  func connect() async throws {
    guard pump == nil else { return }
    try await stdio.connect()
    let incoming = await stdio.receive()
    pump = Task { [sink, onClosed] in
      do {
        for try await message in incoming { sink.yield(message) }
      } catch {}
      if !Task.isCancelled { onClosed() }
    }
  }

  func disconnect() async {
    pump?.cancel()
    await stdio.disconnect()
    sink.finish()
  }

  func send(_ data: Data) async throws {
    try await stdio.send(data)
  }

  func receive() -> AsyncThrowingStream<Data, any Error> {
    messages
  }
}
