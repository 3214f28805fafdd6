import Foundation
import MCP

/// One running MCP server: its process and the SDK client that talks to it.
///
/// Notices when the server stops (it exits, or closes its stdout), and from then on fails every
/// pending and later call with ``ServerStopped`` instead of leaving it waiting.
actor ServerConnection {
  let name: String
  private let process: ServerProcess
  private let client: Client
  /// Why the server is no longer usable; nil while it runs.
  private(set) var stopReason: String?

  /// The server is gone (or failed its startup); `reason` completes "The MCP server "NAME" …",
  /// e.g. "exited with status 1".
  struct ServerStopped: Error {
    var reason: String
  }

  init(name: String, process: ServerProcess) {
    self.name = name
    self.process = process
    client = Client(name: "ponder", version: "1.0")
  }

  /// Runs the MCP handshake (`initialize`, then `notifications/initialized`).
  func connect(timeout: Duration) async throws {
    let transport = ServerTransport(process: process) { [weak self] in
      Task { await self?.serverClosedOutput() }
    }
    Task { [weak self, process] in
      let status = await process.exitStatus()
      await self?.stopped(status.description)
    }
    await client.withMethodHandler(Ping.self) { _ in Empty() }
    let client = self.client
    do {
      _ = try await firstResult(within: timeout) { try await client.connect(transport: transport) }
    } catch is TimedOut {
      await stopped("did not answer the MCP handshake within \(Self.seconds(timeout))")
      throw ServerStopped(reason: stopReason ?? "did not answer")
    } catch {
      throw await stopError(else: "failed the MCP handshake: \(Self.describe(error))")
    }
  }

  /// Every tool the server lists, following `nextCursor` pages.
  func listTools(timeout: Duration) async throws -> [MCP.Tool] {
    let client = self.client
    do {
      return try await firstResult(within: timeout) {
        var tools: [MCP.Tool] = []
        var cursor: String?
        for _ in 0..<100 {
          let page = try await client.listTools(cursor: cursor)
          tools += page.tools
          guard let next = page.nextCursor, !next.isEmpty, next != cursor else { break }
          cursor = next
        }
        return tools
      }
    } catch is TimedOut {
      await stopped("did not list its tools within \(Self.seconds(timeout))")
      throw ServerStopped(reason: stopReason ?? "did not list its tools")
    } catch {
      throw await stopError(else: "could not list its tools: \(Self.describe(error))")
    }
  }

  /// Calls `tool` and returns the server's result; returns at once when the calling task is
  /// cancelled, after telling the server (`notifications/cancelled`).
  func call(_ tool: String, arguments: [String: MCP.Value]) async throws -> CallTool.Result {
    if let stopReason { throw ServerStopped(reason: stopReason) }
    let request = try await client.send(CallTool.request(.init(name: tool, arguments: arguments)))
    do {
      return try await firstResult { try await request.value }
    } catch is CancellationError where Task.isCancelled {
      let client = self.client
      Task { try? await client.cancelRequest(request.requestID, reason: "cancelled by the user") }
      throw CancellationError()
    } catch {
      if let stopReason { throw ServerStopped(reason: stopReason) }
      throw error
    }
  }

  /// Stops the server (closing its stdin, then signals) and releases the pipes. Safe to repeat.
  func shutdown() async {
    if stopReason == nil { stopReason = "was shut down" }
    await client.disconnect()
    await process.terminate()
    process.closeDescriptors()
  }

  /// The server closed its stdout: give it a moment to exit by itself (for its exit status),
  /// then stop it.
  private func serverClosedOutput() async {
    guard stopReason == nil else { return }
    for _ in 0..<50 where process.currentStatus == nil {
      try? await Task.sleep(for: .milliseconds(20))
    }
    await stopped(process.currentStatus?.description ?? "closed its output")
  }

  /// Marks the server stopped for `reason` (the first reason wins), ends the process and fails
  /// every pending request.
  private func stopped(_ reason: String) async {
    guard stopReason == nil else { return }
    stopReason = reason
    process.killGroup(SIGKILL)
    await client.disconnect()
  }

  /// The error for a failed startup step: the server stopped (why), or `description`.
  private func stopError(else description: String) async -> ServerStopped {
    // An exit is noticed on another thread; give it a moment to explain the failure.
    for _ in 0..<25 where stopReason == nil && process.currentStatus == nil {
      try? await Task.sleep(for: .milliseconds(20))
    }
    if let status = process.currentStatus { await stopped(status.description) }
    return ServerStopped(reason: stopReason ?? description)
  }

  static func describe(_ error: any Error) -> String {
    if let error = error as? MCPError { return error.errorDescription ?? "\(error)" }
    if let error = error as? ServerStopped { return error.reason }
    return "\(error)"
  }

  static func seconds(_ duration: Duration) -> String {
    let value = duration.seconds
    return value == value.rounded() ? "\(Int(value)) s" : String(format1: value) + " s"
  }
}
