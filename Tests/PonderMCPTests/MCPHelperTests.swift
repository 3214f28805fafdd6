import Foundation
import PonderCore
import PonderMCP
import PonderMCPBridge
import PonderTools
import Testing

/// What only the helper path can get wrong: a missing helper, a helper that dies before or after
/// starting the servers, and the lines Ponder and the helper exchange.
@Suite(.timeLimit(.minutes(2))) struct MCPHelperTests {
  static let bound = Duration.seconds(20)

  /// A stand-in helper: a shell script that plays the helper's part as written.
  ///
  /// Written through a close-on-exec descriptor: a child another test starts meanwhile must not
  /// keep it open for writing, or starting the script fails with ETXTBSY.
  static func fakeHelper(_ script: String) throws -> String {
    let path = try MCPTestServer.temporaryFolder() + "/ponder-mcp"
    let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o755)
    try #require(descriptor >= 0)
    let bytes = Array(("#!/bin/sh\n" + script).utf8)
    let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    close(descriptor)
    try #require(written == bytes.count)
    return path
  }

  static let oneTool =
    #"{"op":"started","tools":[{"name":"x_echo","server":"x","remote":"echo","description":"Echoes.","#
    + #""parameters":{"type":"object"}}],"problems":[],"servers":["x"]}"#

  @Test func aMissingHelperIsOneProblemNamingItAndTheServers() async throws {
    let source = MCPHelperSource(executable: "/nonexistent/ponder/ponder-mcp")
    let (tools, problems) = await source.start([
      MCPServerConfig(name: "files", command: "npx"), MCPServerConfig(name: "web", command: "npx"),
    ])
    #expect(tools.isEmpty)
    #expect(
      problems == [
        "MCP servers \"files\", \"web\" not started: the helper /nonexistent/ponder/ponder-mcp is missing "
          + "(it is built with `swift build --product ponder-mcp` and installed beside ponder)"
      ])
    #expect(await source.serverNames.isEmpty)
    await source.shutdown()
  }

  @Test func noEnabledServerStartsNoHelper() async throws {
    let marker = try MCPTestServer.temporaryFolder() + "/ran"
    let helper = try Self.fakeHelper("touch '\(marker)'\n")
    let source = MCPHelperSource(executable: helper)
    let (tools, problems) = await source.start([MCPServerConfig(name: "off", command: "npx", isEnabled: false)])
    #expect(tools.isEmpty && problems.isEmpty)
    try await Task.sleep(for: .milliseconds(200))
    #expect(!FileManager.default.fileExists(atPath: marker))
  }

  @Test func aHelperThatExitsBeforeStartingIsOneProblemWithItsStatus() async throws {
    let helper = try Self.fakeHelper("read request\nexit 3\n")
    let source = MCPHelperSource(executable: helper, logDirectory: "/tmp/ponder-logs")
    let (tools, problems) = await source.start([MCPServerConfig(name: "x", command: "npx")])
    #expect(tools.isEmpty)
    #expect(
      problems == [
        "MCP server \"x\" not started: the helper ponder-mcp exited with status 3 before starting them "
          + "(log: /tmp/ponder-logs/mcp-helper.log)"
      ])
  }

  @Test func aHelperThatDiesMidCallFailsTheCallAndLaterOnesAtOnce() async throws {
    let helper = try Self.fakeHelper("read request\necho '\(Self.oneTool)'\nread call\nkill -9 $$\n")
    let source = MCPHelperSource(executable: helper)
    let (tools, problems) = await source.start([MCPServerConfig(name: "x", command: "npx")])
    #expect(problems.isEmpty)
    #expect(await source.serverNames == ["x"])
    let echo = try tools.named("x_echo")
    #expect(echo.description == "Echoes.")
    #expect(!echo.isReadOnly)
    let context = try MCPTestServer.context()
    let started = ContinuousClock.now
    let error = await #expect(throws: ToolFailure.self) { try await echo.run(["text": "hi"], context: context) }
    #expect(ContinuousClock.now - started < Self.bound)
    #expect(
      error?.message
        == "The MCP helper ponder-mcp was killed by signal 9, so x_echo did not run or did not finish. "
        + "MCP tools stay unavailable until Ponder is restarted; continue without them.")
    let later = await #expect(throws: ToolFailure.self) { try await echo.run(["text": "again"], context: context) }
    #expect(later?.message == error?.message)
    await source.shutdown()
  }

  @Test func aHelperThatIgnoresShutdownIsKilledAfterTheGraceTime() async throws {
    let pidFile = try MCPTestServer.temporaryFolder() + "/pid"
    let helper = try Self.fakeHelper(
      "echo $$ > '\(pidFile)'\nread request\necho '\(Self.oneTool)'\ntrap '' TERM\nwhile true; do sleep 1; done\n")
    let source = MCPHelperSource(executable: helper)
    _ = await source.start([MCPServerConfig(name: "x", command: "npx")])
    let written = try String(contentsOfFile: pidFile, encoding: .utf8)
    let pid = try #require(Int32(written.trimmingCharacters(in: .whitespacesAndNewlines)))
    let started = ContinuousClock.now
    await source.shutdown()
    #expect(ContinuousClock.now - started < Self.bound)
    let gone = await eventually { kill(pid, 0) != 0 }
    #expect(gone)
  }

  @Test func requestsSurviveTheirLine() throws {
    let requests: [MCPBridgeRequest] = [
      .start(
        .init(
          servers: [
            MCPServerConfig(
              name: "files", command: "npx", arguments: ["-y", "a b"], environment: ["K": "v\nw"], isEnabled: true)
          ],
          logDirectory: "/tmp/logs", handshakeTimeout: .milliseconds(1500), reservedNames: ["read_file"])),
      .call(id: 7, tool: "files_read", arguments: ["path": "notes\n.txt", "lines": [1, 2]]),
      .cancel(id: 7),
      .shutdown,
    ]
    for request in requests {
      #expect(!request.line.contains("\n"))
      #expect(try MCPBridgeRequest(line: Array(request.line.utf8)) == request)
    }
  }

  @Test func repliesSurviveTheirLine() throws {
    let replies: [MCPBridgeReply] = [
      .started(
        tools: [
          MCPToolDescription(
            name: "files_read", server: "files", remoteName: "read", description: "Reads.\nA file.",
            parameters: ["type": "object"])
        ], problems: ["MCP server \"web\" not started: …"], servers: ["files"]),
      .result(id: 1, output: .ok("line one\nline two")),
      .result(id: 2, output: .failed("the disk is full")),
      .failure(id: 3, message: "The MCP server \"files\" exited with status 3, …"),
      .cancelled(id: 4),
      .stopped,
    ]
    for reply in replies {
      #expect(!reply.line.contains("\n"))
      #expect(try MCPBridgeReply(line: Array(reply.line.utf8)) == reply)
    }
  }

  @Test func aLineThatIsNotARequestIsAnError() {
    #expect(throws: MCPBridgeError.self) { try MCPBridgeRequest(line: Array("{\"op\":\"dance\"}".utf8)) }
    #expect(throws: MCPBridgeError.self) { try MCPBridgeRequest(line: Array("not json".utf8)) }
    #expect(throws: MCPBridgeError.self) { try MCPBridgeReply(line: Array("{\"op\":\"result\"}".utf8)) }
  }
}
