import Foundation
import PonderCore
import PonderMCP
import PonderMCPBridge
import PonderTools
import Testing

/// `MCPToolSource` and `MCPTool` against `ponder-mcp-test-server`, a real child process speaking
/// raw JSON-RPC: the handshake, tool listing (over several pages), calls and their results.
@Suite(.timeLimit(.minutes(2))) struct MCPRoundTripTests {
  @Test(arguments: MCPPath.allCases)
  func listsEveryToolWithPrefixedNamesDescriptionsAndSchemas(_ path: MCPPath) async throws {
    try await withServers(path, [try MCPTestServer.config("test")]) { _, tools, problems in
      #expect(problems.isEmpty)
      // Eleven tools over four pages of three: pagination was followed to the end.
      #expect(
        tools.map(\.name) == [
          "test_echo", "test_add", "test_fail", "test_sleep", "test_env", "test_crash", "test_picture",
          "test_cancelled_requests", "test_odd_name_v2", "test_rpc_error", "test_close_output",
        ])
      let echo = try tools.named("test_echo")
      #expect(echo.description == "[MCP server test] Returns its text.")
      #expect(echo.isReadOnly == false)
      #expect(
        echo.parameters
          == [
            "properties": ["text": ["description": "What to return.", "type": "string"]],
            "required": ["text"],
            "type": "object",
          ])
      #expect(tools.allSatisfy { !$0.isReadOnly })
      #expect(tools.allSatisfy { $0.description.hasPrefix("[MCP server test] ") })
      let mcp = try #require(MCPRemote(echo))
      #expect(mcp.serverName == "test")
      #expect(mcp.remoteName == "echo")
      #expect(try #require(MCPRemote(tools.named("test_odd_name_v2"))).remoteName == "odd name.v2")
    }
  }

  @Test(arguments: MCPPath.allCases)
  func callsEchoAndAdd(_ path: MCPPath) async throws {
    let context = try MCPTestServer.context()
    try await withServers(path, [try MCPTestServer.config()]) { _, tools, _ in
      let echoed = try await tools.named("test_echo").run(["text": "héllo \"world\"\nline two"], context: context)
      #expect(echoed == .ok("héllo \"world\"\nline two"))
      let sum = try await tools.named("test_add").run(["a": 2, "b": 3], context: context)
      #expect(sum == .ok("5"))
      let fractional = try await tools.named("test_add").run(["a": 2.5, "b": 0.25], context: context)
      #expect(fractional == .ok("2.75"))
      let oddName = try await tools.named("test_odd_name_v2").run(.null, context: context)
      #expect(oddName == .ok("odd"))
    }
  }

  @Test(arguments: MCPPath.allCases)
  func aToolThatReportsAnErrorGivesAFailedOutput(_ path: MCPPath) async throws {
    let context = try MCPTestServer.context()
    try await withServers(path, [try MCPTestServer.config()]) { _, tools, _ in
      let output = try await tools.named("test_fail").run(["message": "the disk is full"], context: context)
      #expect(output == .failed("the disk is full"))
      // A bad argument the server's tool itself rejects is a failed result too.
      let bad = try await tools.named("test_add").run(["a": "two"], context: context)
      #expect(bad == .failed("add needs two numbers a and b"))
    }
  }

  @Test(arguments: MCPPath.allCases)
  func aJSONRPCErrorFromTheServerIsAFailureTheModelReads(_ path: MCPPath) async throws {
    let context = try MCPTestServer.context()
    try await withServers(path, [try MCPTestServer.config()]) { _, tools, _ in
      let error = await #expect(throws: ToolFailure.self) {
        try await tools.named("test_rpc_error").run(.emptyObject, context: context)
      }
      #expect(
        error?.message
          == "test_rpc_error failed: the MCP server \"test\" answered with an error: Invalid params: the widget argument is missing"
      )
      // The server is still usable afterwards.
      let echo = try tools.named("test_echo")
      #expect(try await echo.run(["text": "ok"], context: context) == .ok("ok"))
    }
  }

  @Test(arguments: MCPPath.allCases)
  func argumentsThatAreNotAnObjectAreRefusedWithoutAskingTheServer(_ path: MCPPath) async throws {
    let context = try MCPTestServer.context()
    try await withServers(path, [try MCPTestServer.config()]) { _, tools, _ in
      let error = await #expect(throws: ToolFailure.self) {
        try await tools.named("test_echo").run(["one", "two"], context: context)
      }
      #expect(error?.message == "test_echo takes a JSON object of arguments, not [\"one\",\"two\"].")
    }
  }

  @Test(arguments: MCPPath.allCases)
  func nonTextContentIsDescribedInALine(_ path: MCPPath) async throws {
    let context = try MCPTestServer.context()
    try await withServers(path, [try MCPTestServer.config()]) { _, tools, _ in
      let output = try await tools.named("test_picture").run(.emptyObject, context: context)
      #expect(output == .ok("a red dot:\n[image: image/png, 70 bytes, not shown]"))
    }
  }

  @Test(arguments: MCPPath.allCases)
  func theConfiguredEnvironmentReachesTheServer(_ path: MCPPath) async throws {
    let context = try MCPTestServer.context()
    let config = try MCPTestServer.config(environment: ["PONDER_MCP_TEST_VALUE": "from the config file"])
    try await withServers(path, [config]) { _, tools, _ in
      let env = try tools.named("test_env")
      #expect(try await env.run(["name": "PONDER_MCP_TEST_VALUE"], context: context) == .ok("from the config file"))
      // Ponder's own environment is passed on too.
      let path = ProcessInfo.processInfo.environment["PATH"] ?? "(unset)"
      #expect(try await env.run(["name": "PATH"], context: context) == .ok(path))
      #expect(try await env.run(["name": "PONDER_MCP_NOT_SET_ANYWHERE"], context: context) == .ok("(unset)"))
    }
  }

  @Test(arguments: MCPPath.allCases)
  func toolsOfSeveralServersKeepConfigOrderAndTheirOwnPrefix(_ path: MCPPath) async throws {
    let context = try MCPTestServer.context()
    let configs = [
      try MCPTestServer.config("beta", arguments: ["--page-size", "100"]), try MCPTestServer.config("alpha"),
    ]
    try await withServers(path, configs) { source, tools, problems in
      #expect(problems.isEmpty)
      #expect(await source.serverNames == ["beta", "alpha"])
      #expect(tools.first?.name == "beta_echo")
      #expect(tools.count == 22)
      let alpha = try await tools.named("alpha_echo").run(["text": "a"], context: context)
      let beta = try await tools.named("beta_echo").run(["text": "b"], context: context)
      #expect(alpha == .ok("a"))
      #expect(beta == .ok("b"))
    }
  }

  @Test(arguments: MCPPath.allCases)
  func aDisabledServerIsNotStarted(_ path: MCPPath) async throws {
    var config = try MCPTestServer.config("off")
    config.isEnabled = false
    try await withServers(path, [config]) { source, tools, problems in
      #expect(tools.isEmpty)
      #expect(problems.isEmpty)
      #expect(await source.serverNames.isEmpty)
    }
  }
}
