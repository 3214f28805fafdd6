import Foundation
import PonderCore
import PonderMCP
import PonderMCPBridge
import PonderTools
import Testing

/// The `ponder-mcp-test-server` executable built with the tests, and helpers to run servers.
enum MCPTestServer {
  struct Missing: Error, CustomStringConvertible {
    var description: String
  }

  /// The built test server, found next to the test bundle (the build folder). Throws when it is
  /// missing, so the round-trip tests fail instead of passing without a server.
  static func path() throws -> String {
    try built("ponder-mcp-test-server")
  }

  /// The `ponder-mcp` helper built with the tests.
  static func helperPath() throws -> String {
    try built(MCPHelperSource.executableName)
  }

  private static func built(_ name: String) throws -> String {
    var folders = Bundle.allBundles.map { $0.bundleURL.deletingLastPathComponent() }
    folders.append(Bundle.main.bundleURL)
    folders.append(Bundle.main.bundleURL.deletingLastPathComponent())
    folders.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent())
    for folder in folders {
      let candidate = folder.appendingPathComponent(name).path
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    throw Missing(
      description: "\(name) was not found next to the test bundle (looked in \(folders.map(\.path))); "
        + "build it with `swift build --build-tests`")
  }

  /// A config for the test server named `name`, started with `arguments`.
  static func config(
    _ name: String = "test", arguments: [String] = [], environment: [String: String] = [:]
  ) throws -> MCPServerConfig {
    MCPServerConfig(name: name, command: try path(), arguments: arguments, environment: environment)
  }

  /// A context for tool runs (MCP tools ignore the workspace).
  static func context() throws -> ToolContext {
    ToolContext(workspace: try Workspace(root: NSTemporaryDirectory()))
  }

  /// A new empty folder for log files.
  static func temporaryFolder() throws -> String {
    let path = NSTemporaryDirectory() + "ponder-mcp-tests-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }
}

/// The two ways Ponder's MCP code runs: in process (``MCPToolSource``, what the `ponder-mcp`
/// helper runs) and through the helper (``MCPHelperSource``, what `ponder` uses). Every behaviour
/// test runs both ways, so the helper must keep what the in-process source does.
enum MCPPath: String, CaseIterable, Sendable, CustomTestStringConvertible {
  case inProcess, helper
  var testDescription: String { rawValue }
}

/// What the tests need of either source.
protocol MCPSourceUnderTest: Sendable {
  var serverNames: [String] { get async }
  func shutdown() async
}

extension MCPToolSource: MCPSourceUnderTest {}
extension MCPHelperSource: MCPSourceUnderTest {}

/// An MCP tool's server and remote name, whichever way it runs.
struct MCPRemote {
  var serverName: String
  var remoteName: String

  init?(_ tool: any Tool) {
    if let tool = tool as? MCPTool {
      (serverName, remoteName) = (tool.serverName, tool.remoteName)
    } else if let tool = tool as? MCPHelperTool {
      (serverName, remoteName) = (tool.serverName, tool.remoteName)
    } else {
      return nil
    }
  }
}

/// Starts `configs` the `path` way, runs `body` with what started, and always shuts the servers
/// down.
func withServers<T>(
  _ path: MCPPath, _ configs: [MCPServerConfig], logDirectory: String? = nil, handshakeTimeout: Duration = .seconds(10),
  _ body: (_ source: any MCPSourceUnderTest, _ tools: [any Tool], _ problems: [String]) async throws -> T
) async throws -> T {
  let source: any MCPSourceUnderTest
  let tools: [any Tool]
  let problems: [String]
  switch path {
  case .inProcess:
    let inProcess = MCPToolSource(logDirectory: logDirectory, handshakeTimeout: handshakeTimeout)
    (tools, problems) = await inProcess.start(configs)
    source = inProcess
  case .helper:
    let helper = MCPHelperSource(
      executable: try MCPTestServer.helperPath(), logDirectory: logDirectory, handshakeTimeout: handshakeTimeout)
    (tools, problems) = await helper.start(configs)
    source = helper
  }
  do {
    let result = try await body(source, tools, problems)
    await source.shutdown()
    return result
  } catch {
    await source.shutdown()
    throw error
  }
}

extension Array where Element == any Tool {
  /// The tool named `name`, or a recorded failure.
  func named(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> any Tool {
    try #require(first { $0.name == name }, "no tool \(name) in \(map(\.name))", sourceLocation: sourceLocation)
  }
}

/// Waits until `condition` holds, checking every 20 ms, for at most `limit`.
func eventually(within limit: Duration = .seconds(10), _ condition: () async throws -> Bool) async rethrows -> Bool {
  let deadline = ContinuousClock.now + limit
  while ContinuousClock.now < deadline {
    if try await condition() { return true }
    try? await Task.sleep(for: .milliseconds(20))
  }
  return try await condition()
}
