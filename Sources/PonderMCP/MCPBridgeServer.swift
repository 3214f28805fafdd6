import Foundation
import PonderCore
import PonderMCPBridge
import PonderTools

/// The `ponder-mcp` helper's side of the bridge: runs what Ponder asks (``MCPBridgeRequest``) on
/// an ``MCPToolSource`` and writes the answers (``MCPBridgeReply``) through `write`, one line each.
///
/// Calls run concurrently, each in a task of its own that a `cancel` request cancels; `shutdown`
/// (or the end of Ponder's input, see ``finish()``) stops the servers and answers `stopped`.
public actor MCPBridgeServer {
  private let write: @Sendable (String) -> Void
  private let redirectsStderr: Bool
  private var source: MCPToolSource?
  private var tools: [String: any PonderTools.Tool] = [:]
  private var calls: [Int: Task<Void, Never>] = [:]
  private var finished = false

  /// - Parameters:
  ///   - write: writes one line (without its newline) to Ponder.
  ///   - redirectsStderr: after `start`, send this process's stderr to `mcp-helper.log` in the
  ///     log folder (the helper's own crash messages then land there, not on Ponder's terminal).
  public init(redirectsStderr: Bool = false, write: @escaping @Sendable (String) -> Void) {
    self.write = write
    self.redirectsStderr = redirectsStderr
  }

  /// Handles one line from Ponder. Returns false once Ponder asked to shut down.
  public func handle(line: some Collection<UInt8> & Sendable) async -> Bool {
    guard !finished else { return false }
    let request: MCPBridgeRequest
    do {
      request = try MCPBridgeRequest(line: line)
    } catch {
      FileHandle.standardError.write(Data("ponder-mcp: \(error)\n".utf8))
      return true
    }
    switch request {
    case .start(let start): await self.start(start)
    case .call(let id, let tool, let arguments): call(id, tool: tool, arguments: arguments)
    case .cancel(let id): calls[id]?.cancel()
    case .shutdown:
      await finish()
      return false
    }
    return true
  }

  /// Stops the servers and says `stopped`; what Ponder's closed input means too. Safe to repeat.
  public func finish() async {
    guard !finished else { return }
    finished = true
    await source?.shutdown()
    for task in calls.values { await task.value }
    write(MCPBridgeReply.stopped.line)
  }

  private func start(_ start: MCPBridgeRequest.Start) async {
    guard source == nil else { return }
    let source = MCPToolSource(
      logDirectory: start.logDirectory, handshakeTimeout: start.handshakeTimeout,
      reservedNames: Set(start.reservedNames))
    self.source = source
    let (started, problems) = await source.start(start.servers)
    if redirectsStderr, let directory = start.logDirectory { Self.redirectStderr(to: directory + "/mcp-helper.log") }
    var descriptions: [MCPToolDescription] = []
    for tool in started {
      tools[tool.name] = tool
      let remote = (tool as? MCPTool).map { ($0.serverName, $0.remoteName) } ?? ("", tool.name)
      descriptions.append(
        MCPToolDescription(
          name: tool.name, server: remote.0, remoteName: remote.1, description: tool.description,
          parameters: tool.parameters))
    }
    write(MCPBridgeReply.started(tools: descriptions, problems: problems, servers: await source.serverNames).line)
  }

  private func call(_ id: Int, tool name: String, arguments: JSONValue) {
    guard let tool = tools[name] else {
      write(MCPBridgeReply.failure(id: id, message: "There is no MCP tool named \(name).").line)
      return
    }
    let write = self.write
    calls[id] = Task {
      let reply: MCPBridgeReply
      do {
        reply = .result(id: id, output: try await tool.run(arguments, context: Self.context))
      } catch let failure as ToolFailure {
        reply = .failure(id: id, message: failure.message)
      } catch is CancellationError {
        reply = .cancelled(id: id)
      } catch {
        reply = .failure(id: id, message: "\(name) failed: \(error)")
      }
      write(reply.line)
      self.ended(id)
    }
  }

  private func ended(_ id: Int) {
    calls[id] = nil
  }

  /// MCP tools ignore the workspace; calls still need one, and `/` always exists.
  private static let context = ToolContext(workspace: try! Workspace(root: "/"))

  private static func redirectStderr(to path: String) {
    let log = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
    guard log >= 0 else { return }
    dup2(log, STDERR_FILENO)
    close(log)
  }
}
