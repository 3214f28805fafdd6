import PonderCore
import PonderTools

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Starts the MCP servers from the config file through the `ponder-mcp` helper and offers their
/// tools as ordinary `Tool`s; stops them on ``shutdown()``.
///
/// The MCP SDK (and the Foundation networking and libcurl it brings) lives only in the helper, so
/// Ponder itself loads none of it, and the helper runs only when servers are configured. Ponder
/// speaks to it in lines of JSON (``MCPBridgeRequest``, ``MCPBridgeReply``). What goes wrong —
/// no helper, a helper that dies, a server that does not start — becomes one line in `problems`
/// or a ``ToolFailure`` the model reads, never a stopped Ponder.
public actor MCPHelperSource {
  /// The helper's name; it is built and installed beside `ponder`.
  public static let executableName = "ponder-mcp"

  private let executable: String
  private let logDirectory: String?
  private let handshakeTimeout: Duration
  private let reservedNames: [String]
  private var process: HelperProcess?
  private var nextID = 1
  private var calls: [Int: CheckedContinuation<ToolOutput, any Error>] = [:]
  private var startWaiter: CheckedContinuation<MCPBridgeReply?, Never>?
  private var stopWaiters: [CheckedContinuation<Void, Never>] = []
  private var names: [String] = []
  private var inputClosed = false
  /// Why calls fail from now on; nil while the helper serves them.
  private var stopped: Stop?

  /// Why the helper no longer serves calls.
  enum Stop: Sendable, Equatable {
    case shutDown
    /// It ended by itself: "exited with status 1".
    case helperEnded(String)
  }

  /// - Parameters:
  ///   - executable: the `ponder-mcp` to run.
  ///   - logDirectory: where the servers' `mcp-NAME.log` files and the helper's own
  ///     `mcp-helper.log` go; nil discards them.
  ///   - handshakeTimeout: how long a server may take to answer `initialize`, and `tools/list`.
  ///   - reservedNames: tool names MCP tools must not take (by default the built-in tools').
  public init(
    executable: String, logDirectory: String? = nil, handshakeTimeout: Duration = .seconds(10),
    reservedNames: Set<String> = Set(ToolRegistry.builtIn().names)
  ) {
    self.executable = executable
    self.logDirectory = logDirectory
    self.handshakeTimeout = handshakeTimeout
    self.reservedNames = reservedNames.sorted()
  }

  /// Starts the helper and through it the enabled servers; returns their tools, in config order,
  /// and one line per server (or helper) problem. Starts nothing when no server is enabled.
  public func start(_ configs: [MCPServerConfig]) async -> (tools: [any Tool], problems: [String]) {
    let enabled = configs.filter(\.isEnabled)
    guard !enabled.isEmpty, process == nil else { return ([], []) }
    let quoted = enabled.map { "\"\($0.name)\"" }.joined(separator: ", ")
    let servers = (enabled.count == 1 ? "MCP server " : "MCP servers ") + quoted
    guard access(executable, X_OK) == 0 else {
      return (
        [],
        [
          "\(servers) not started: the helper \(executable) is missing (it is built with "
            + "`swift build --product \(Self.executableName)` and installed beside ponder)"
        ]
      )
    }
    // A write to a helper that just died must fail with EPIPE, not end Ponder.
    signal(SIGPIPE, SIG_IGN)
    let process: HelperProcess
    do {
      process = try HelperProcess(executable: executable)
    } catch {
      return ([], ["\(servers) not started: the helper \(executable) cannot be started: \(error)"])
    }
    self.process = process
    Task { [weak self] in
      for await event in process.events { await self?.handle(event) }
    }
    let request = MCPBridgeRequest.Start(
      servers: enabled, logDirectory: logDirectory, handshakeTimeout: handshakeTimeout, reservedNames: reservedNames)
    let reply = await withCheckedContinuation { continuation in
      startWaiter = continuation
      process.send(MCPBridgeRequest.start(request).line)
    }
    guard case .started(let descriptions, let problems, let started)? = reply else {
      let reason = if case .helperEnded(let how)? = stopped { how } else { "did not answer" }
      let log = logDirectory.map { " (log: \($0)/mcp-helper.log)" } ?? ""
      return ([], ["\(servers) not started: the helper \(Self.executableName) \(reason) before starting them\(log)"])
    }
    names = started
    return (descriptions.map { MCPHelperTool($0, source: self) }, problems)
  }

  /// The names of the servers that started, in config order.
  public var serverNames: [String] { names }

  /// Stops every server and the helper (the helper closes their stdin, then signals them) and
  /// waits for it. Calls fail from then on. Safe to call more than once.
  public func shutdown() async {
    guard let process else { return }
    if stopped == nil {
      stopped = .shutDown
      failCalls()
      process.send(MCPBridgeRequest.shutdown.line)
      let deadline = Task { [weak self] in
        try? await Task.sleep(for: .seconds(8))
        if !Task.isCancelled { await self?.helperGone(killing: true) }
      }
      await withCheckedContinuation { stopWaiters.append($0) }
      deadline.cancel()
    }
    if !inputClosed {
      inputClosed = true
      process.closeInput()
    }
  }

  /// Runs `tool` in the helper. Returns at once when the calling task is cancelled, and tells the
  /// helper, which tells the server.
  func call(_ tool: String, arguments: JSONValue) async throws -> ToolOutput {
    if let stopped { throw stopped }
    guard let process else { throw Stop.shutDown }
    let id = nextID
    nextID += 1
    return try await withTaskCancellationHandler {
      try await withCheckedThrowingContinuation { continuation in
        calls[id] = continuation
        process.send(MCPBridgeRequest.call(id: id, tool: tool, arguments: arguments).line)
      }
    } onCancel: {
      Task { await self.cancel(id) }
    }
  }

  private func cancel(_ id: Int) {
    guard let continuation = calls.removeValue(forKey: id) else { return }
    continuation.resume(throwing: CancellationError())
    if stopped == nil { process?.send(MCPBridgeRequest.cancel(id: id).line) }
  }

  private func handle(_ event: HelperProcess.Event) {
    switch event {
    case .exited(let how):
      if stopped == nil { stopped = .helperEnded(how) }
      helperGone(killing: false)
    case .line(let bytes):
      guard let reply = try? MCPBridgeReply(line: bytes) else { return }
      switch reply {
      case .started:
        startWaiter?.resume(returning: reply)
        startWaiter = nil
      case .result(let id, let output):
        calls.removeValue(forKey: id)?.resume(returning: output)
      case .failure(let id, let message):
        calls.removeValue(forKey: id)?.resume(throwing: ToolFailure(message))
      case .cancelled(let id):
        calls.removeValue(forKey: id)?.resume(throwing: CancellationError())
      case .stopped:
        resumeStopWaiters()
      }
    }
  }

  /// The helper exited, or would not stop and is killed: nothing it owed will come.
  private func helperGone(killing: Bool) {
    if stopped == nil { stopped = .helperEnded("stopped answering") }
    startWaiter?.resume(returning: nil)
    startWaiter = nil
    failCalls()
    resumeStopWaiters()
    if killing { process?.kill() }
  }

  private func failCalls() {
    let failing = calls
    calls = [:]
    for continuation in failing.values { continuation.resume(throwing: stopped ?? .shutDown) }
  }

  private func resumeStopWaiters() {
    let waiting = stopWaiters
    stopWaiters = []
    waiting.forEach { $0.resume() }
  }
}

extension MCPHelperSource.Stop: Error {}
