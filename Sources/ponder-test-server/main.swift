import Foundation
import PonderTestSupport

// A scripted Ollama-protocol server for end-to-end tests and demos.
// Usage: ponder-test-server [--rate TOKENS_PER_SECOND] [--first-token-delay SECONDS] [--port-file PATH] [--full-bodies]
//        [--pull-step-ms MILLISECONDS]  (pause between /api/pull progress lines; default 50)
//        [--chunk-log PATH]  (for `bench:` prompts: a line per streamed token, CLOCK_MONOTONIC ns TAB token as JSON)
// Prints its base URL on stdout, logs requests and client disconnects on stderr.

var rate = 0.0
var firstDelay = 0.0
var portFile: String?
var bodyLimit = 200
var pullStep = 50
var chunkLogPath: String?
var arguments = CommandLine.arguments.dropFirst()
while let flag = arguments.popFirst() {
  switch flag {
  case "--rate": rate = Double(arguments.popFirst() ?? "") ?? 0
  case "--first-token-delay": firstDelay = Double(arguments.popFirst() ?? "") ?? 0
  case "--port-file": portFile = arguments.popFirst()
  case "--full-bodies": bodyLimit = Int.max
  case "--pull-step-ms": pullStep = Int(arguments.popFirst() ?? "") ?? 50
  case "--chunk-log": chunkLogPath = arguments.popFirst()
  default:
    FileHandle.standardError.write(Data("unknown option \(flag)\n".utf8))
    exit(2)
  }
}

let limit = bodyLimit
var ollama = ScriptedOllama(tokensPerSecond: rate, firstTokenDelay: firstDelay, pullStep: .milliseconds(pullStep))
if let chunkLogPath, FileManager.default.createFile(atPath: chunkLogPath, contents: nil),
  let handle = FileHandle(forWritingAtPath: chunkLogPath)
{
  let lock = NSLock()
  ollama.chunkLog = { token in
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    let line = "\(Int(now.tv_sec) * 1_000_000_000 + Int(now.tv_nsec))\t\"\(escaped(token))\"\n"
    lock.withLock { handle.write(Data(line.utf8)) }
  }
}
let bench = ollama

/// The token as a JSON string's content (bench tokens are ASCII: only these need escaping).
func escaped(_ token: String) -> String {
  token.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"").replacing("\n", with: "\\n")
}
let server = try ScriptedHTTPServer { request in
  FileHandle.standardError.write(
    Data(
      "request \(request.method) \(request.path) \(request.bodyText.prefix(limit).replacing("\n", with: "\\n"))\n".utf8)
  )
  return bench.handle(request)
}
FileHandle.standardOutput.write(Data("\(server.baseURL)\n".utf8))
if let portFile { try "\(server.baseURL)\n".write(toFile: portFile, atomically: true, encoding: .utf8) }
var reported = 0
var reportedCompletions = 0
while true {
  Thread.sleep(forTimeInterval: 0.05)
  let completions = server.completedResponses
  for completion in completions.dropFirst(reportedCompletions) {
    FileHandle.standardError.write(Data("response completed: \(completion.path) (\(completion.chunks) chunks)\n".utf8))
  }
  reportedCompletions = completions.count
  let disconnects = server.clientDisconnects
  for disconnect in disconnects.dropFirst(reported) {
    FileHandle.standardError.write(
      Data(
        "client closed the connection: \(disconnect.path) after \(disconnect.chunksWritten) of \(disconnect.scriptChunks) chunks\n"
          .utf8))
  }
  reported = disconnects.count
}
