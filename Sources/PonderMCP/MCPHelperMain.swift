import Foundation
import PonderMCPBridge

/// The `ponder-mcp` executable: reads Ponder's requests from stdin, one per line, and answers on
/// stdout through an ``MCPBridgeServer``. At the end of its input it stops the servers and exits.
public enum MCPHelperMain {
  public static func run() async -> Never {
    signal(SIGPIPE, SIG_IGN)
    let server = MCPBridgeServer(redirectsStderr: true) { MCPBridgeIO.write($0, to: STDOUT_FILENO) }
    for await line in standardInputLines() {
      guard await server.handle(line: line) else { break }
    }
    await server.finish()
    exit(0)
  }

  /// Lines of stdin, read on a thread of their own so a blocking read never holds a task thread.
  private static func standardInputLines() -> AsyncStream<[UInt8]> {
    let (lines, sink) = AsyncStream<[UInt8]>.makeStream()
    let thread = Thread {
      MCPBridgeIO.readLines(from: STDIN_FILENO) { sink.yield($0) }
      sink.finish()
    }
    thread.name = "ponder-mcp-stdin"
    thread.start()
    return lines
  }
}
