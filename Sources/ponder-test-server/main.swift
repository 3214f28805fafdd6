import Foundation
import PonderTestSupport

// A scripted Ollama-protocol server for end-to-end tests and demos.
// Usage: ponder-test-server [--rate TOKENS_PER_SECOND] [--first-token-delay SECONDS] [--port-file PATH] [--full-bodies]
//        [--pull-step-ms MILLISECONDS]  (pause between /api/pull progress lines; default 50)
// Prints its base URL on stdout, logs requests and client disconnects on stderr.

var rate = 0.0
var firstDelay = 0.0
var portFile: String?
var bodyLimit = 200
var pullStep = 50
var arguments = CommandLine.arguments.dropFirst()
while let flag = arguments.popFirst() {
  switch flag {
  case "--rate": rate = Double(arguments.popFirst() ?? "") ?? 0
  case "--first-token-delay": firstDelay = Double(arguments.popFirst() ?? "") ?? 0
  case "--port-file": portFile = arguments.popFirst()
  case "--full-bodies": bodyLimit = Int.max
  case "--pull-step-ms": pullStep = Int(arguments.popFirst() ?? "") ?? 50
  default:
    FileHandle.standardError.write(Data("unknown option \(flag)\n".utf8))
    exit(2)
  }
}

let limit = bodyLimit
let ollama = ScriptedOllama(tokensPerSecond: rate, firstTokenDelay: firstDelay, pullStep: .milliseconds(pullStep))
let server = try ScriptedHTTPServer { request in
  FileHandle.standardError.write(Data("request \(request.method) \(request.path) \(request.bodyText.prefix(limit).replacing("\n", with: "\\n"))\n".utf8))
  return ollama.handle(request)
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
      Data("client closed the connection: \(disconnect.path) after \(disconnect.chunksWritten) of \(disconnect.scriptChunks) chunks\n".utf8))
  }
  reported = disconnects.count
}
