import Foundation
import MCP
import PonderMCPBridge
import PonderTools

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Starts the MCP servers from the config file and offers their tools; stops them on
/// ``shutdown()``.
///
/// Each enabled server is started as a child process (stdin and stdout on pipes, stderr to
/// `mcp-NAME.log` in `logDirectory` or discarded, never to the terminal), gets the MCP handshake
/// and is asked for its tools, all within `handshakeTimeout` per step. A server that cannot be
/// started, times out or crashes is reported in `problems`, and the others are used anyway.
///
/// Starting ignores SIGPIPE for the whole process: a write to a server that just died must fail
/// with EPIPE, not end Ponder.
public actor MCPToolSource {
  private let logDirectory: String?
  private let handshakeTimeout: Duration
  private var naming: MCPToolNaming
  private var connections: [ServerConnection] = []

  /// - Parameters:
  ///   - logDirectory: where `mcp-NAME.log` files collect the servers' stderr (created if
  ///     missing); nil discards it.
  ///   - handshakeTimeout: how long a server may take to answer `initialize`, and `tools/list`.
  ///   - reservedNames: tool names MCP tools must not take (by default the built-in tools').
  public init(
    logDirectory: String? = nil, handshakeTimeout: Duration = .seconds(10),
    reservedNames: Set<String> = Set(ToolRegistry.builtIn().names)
  ) {
    self.logDirectory = logDirectory
    self.handshakeTimeout = handshakeTimeout
    naming = MCPToolNaming(reserved: reservedNames)
  }

  /// Starts the enabled servers (concurrently) and returns their tools, in config order, and one
  /// line per server that could not be used. Never throws: a broken server only adds a problem.
  public func start(_ configs: [MCPServerConfig]) async -> (tools: [any PonderTools.Tool], problems: [String]) {
    signal(SIGPIPE, SIG_IGN)
    var problems: [String] = []
    if let logDirectory {
      do {
        try FileManager.default.createDirectory(atPath: logDirectory, withIntermediateDirectories: true)
      } catch {
        problems.append(
          "MCP log folder \(logDirectory) cannot be created (\(error.localizedDescription)); server messages are discarded"
        )
      }
    }
    let logs = problems.isEmpty ? logDirectory : nil
    let timeout = handshakeTimeout
    let enabled = configs.filter(\.isEnabled)
    let started = await withTaskGroup(of: (Int, Result<Started, StartProblem>).self) { group in
      for (index, config) in enabled.enumerated() {
        group.addTask { (index, await Self.startOne(config, logDirectory: logs, timeout: timeout)) }
      }
      var results: [(Int, Result<Started, StartProblem>)] = []
      for await result in group { results.append(result) }
      return results.sorted { $0.0 < $1.0 }.map(\.1)
    }
    var tools: [any PonderTools.Tool] = []
    for outcome in started {
      switch outcome {
      case .success(let server):
        connections.append(server.connection)
        for definition in server.tools {
          let name = naming.name(server: server.connection.name, tool: definition.name)
          tools.append(
            MCPTool(name: name, server: server.connection.name, definition: definition, connection: server.connection))
        }
      case .failure(let problem):
        problems.append(problem.message)
      }
    }
    return (tools, problems)
  }

  /// The names of the servers that started, in config order.
  public var serverNames: [String] {
    connections.map(\.name)
  }

  /// Stops every server that started (stdin closed, then SIGTERM, then SIGKILL) and waits for
  /// them. Calls of their tools fail from then on. Safe to call more than once.
  public func shutdown() async {
    let stopping = connections
    await withTaskGroup(of: Void.self) { group in
      for connection in stopping {
        group.addTask { await connection.shutdown() }
      }
    }
  }

  private struct Started: Sendable {
    var connection: ServerConnection
    var tools: [MCP.Tool]
  }

  private struct StartProblem: Error {
    var message: String
  }

  private static func startOne(
    _ config: MCPServerConfig, logDirectory: String?, timeout: Duration
  ) async -> Result<Started, StartProblem> {
    let log = ServerLog(directory: logDirectory, serverName: config.name)
    let process: ServerProcess
    do {
      process = try ServerProcess.start(
        command: config.command, arguments: config.arguments, environment: config.environment,
        stderrPath: log.path)
    } catch {
      return .failure(StartProblem(message: "MCP server \"\(config.name)\" not started: \(error.description)"))
    }
    let connection = ServerConnection(name: config.name, process: process)
    do {
      try await connection.connect(timeout: timeout)
      let tools = try await connection.listTools(timeout: timeout)
      return .success(Started(connection: connection, tools: tools))
    } catch {
      await connection.shutdown()
      let reason = (error as? ServerConnection.ServerStopped)?.reason ?? ServerConnection.describe(error)
      return .failure(StartProblem(message: "MCP server \"\(config.name)\" not used: it \(reason)\(log.hint())"))
    }
  }
}
