import PonderCore

/// `run_command`: a shell command (`/bin/sh -c`) in the workspace, with a timeout and captured,
/// capped output. It can do anything the user can, so it is not read-only and is always asked
/// about by default: approval is its guard, not the workspace.
///
/// The command runs in its own process group; on timeout or cancel the whole group (grandchildren
/// included) is killed, and when the shell exits anything it left running is killed too. stdout
/// and stderr keep `captureLimit` bytes each (beginning and end); the rest is counted and dropped.
public struct RunCommandTool: Tool {
  public var defaultTimeout: Double
  public var maxTimeout: Double
  public var captureLimit: Int

  public init(defaultTimeout: Double = 30, maxTimeout: Double = 600, captureLimit: Int = 64 << 10) {
    self.defaultTimeout = defaultTimeout
    self.maxTimeout = maxTimeout
    self.captureLimit = captureLimit
  }

  public var name: String { "run_command" }
  public var isReadOnly: Bool { false }
  public var description: String {
    "Run a shell command (/bin/sh -c) in the workspace folder and return its exit status, stdout and stderr "
      + "(each cut to \(ByteSize.text(captureLimit))). Stops it after timeout_seconds (default \(Int(defaultTimeout)))."
  }

  public var parameters: JSONValue {
    [
      "type": "object",
      "properties": [
        "command": ["type": "string", "description": "The shell command line."],
        "timeout_seconds": [
          "type": "number", "description": .string("Kill it after this many seconds (at most \(Int(maxTimeout)))."),
        ],
      ],
      "required": ["command"],
    ]
  }

  public func run(_ arguments: JSONValue, context: ToolContext) async throws -> ToolOutput {
    let reader = ArgumentReader(arguments, tool: name)
    let command = try reader.string("command")
    let timeout = min(try reader.optionalDouble("timeout_seconds") ?? defaultTimeout, maxTimeout)
    guard timeout > 0 else { throw ToolFailure("run_command: timeout_seconds must be more than 0.") }
    try Task.checkCancellation()
    let report = try await ProcessRunner.run(
      command: command, directory: context.workspace.root, timeout: timeout, captureLimit: captureLimit)
    return Self.output(report, timeout: timeout)
  }

  static func output(_ report: ProcessSupervisor.Report, timeout: Double) -> ToolOutput {
    let seconds = String(format2: report.seconds)
    let status: String
    switch report.ending {
    case .exited(let code): status = "exit status \(code)"
    case .signaled(let signal): status = "killed by signal \(signal)"
    case .timedOut: status = "timed out after \(String(format2: timeout)) s; the command and its children were killed"
    case .cancelled: status = "cancelled by the user; the command and its children were killed"
    case .unknown: status = "ended (exit status unknown)"
    }
    var text = "\(status) (\(seconds) s)\n"
    text += section("stdout", report.stdout)
    text += section("stderr", report.stderr)
    return report.ending == .exited(0) ? .ok(text) : .failed(text)
  }

  private static func section(_ name: String, _ capture: OutputCapture) -> String {
    guard capture.totalBytes > 0 else { return "\(name): (empty)\n" }
    let dropped = capture.droppedBytes > 0 ? ", \(ByteSize.text(capture.droppedBytes)) not shown" : ""
    var body = capture.text
    if !body.hasSuffix("\n") { body += "\n" }
    return "\(name) (\(ByteSize.text(capture.totalBytes))\(dropped)):\n\(body)"
  }
}

extension String {
  /// A number with two decimals, without Foundation.
  init(format2 value: Double) {
    let hundredths = Int((value * 100).rounded())
    let fraction = abs(hundredths % 100)
    self = "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
  }
}
