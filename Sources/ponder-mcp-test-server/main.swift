import Foundation
import PonderCore

// A tiny MCP server over stdio for PonderMCP's tests, written from the wire format (newline-
// delimited JSON-RPC 2.0) with Ponder's own JSONValue, so the client is checked against an
// implementation that shares no code with the SDK.
//
// Usage: ponder-mcp-test-server [--page-size N] [--hang] [--exit-at-start CODE]
//   --page-size N        tools/list returns N tools per page (default 3), with nextCursor
//   --hang               reads requests but never answers (handshake timeouts)
//   --exit-at-start CODE writes a message to stderr and exits with CODE before reading anything
//
// It is strict where a client could go wrong: `jsonrpc` must be "2.0", `initialize` must come
// first with a protocolVersion and clientInfo, and no tools/* request is served before the
// client's `notifications/initialized`.

var pageSize = 3
var hang = false
var arguments = CommandLine.arguments.dropFirst()
while let flag = arguments.popFirst() {
  switch flag {
  case "--page-size": pageSize = max(1, Int(arguments.popFirst() ?? "") ?? 3)
  case "--hang": hang = true
  case "--exit-at-start":
    let code = Int32(arguments.popFirst() ?? "") ?? 1
    FileHandle.standardError.write(Data("fatal: the test server was told to exit with \(code)\n".utf8))
    exit(code)
  default:
    FileHandle.standardError.write(Data("unknown option \(flag)\n".utf8))
    exit(2)
  }
}

FileHandle.standardError.write(Data("ponder-mcp-test-server: started, pid \(getpid())\n".utf8))
let server = TestServer(pageSize: pageSize)
while let line = readLine(strippingNewline: true) {
  if hang || line.isEmpty { continue }
  server.handle(line)
}
FileHandle.standardError.write(Data("ponder-mcp-test-server: stdin closed, exiting\n".utf8))
exit(0)
