import Foundation
import PonderCore
import PonderMCPBridge
import PonderTools

/// Starts the MCP servers declared in the config file (`[mcp.NAME]`) for one Ponder process and
/// says what went wrong with any of them, without stopping Ponder.
///
/// The servers run under the `ponder-mcp` helper beside the executable (``MCPHelperSource``),
/// started only when a server is enabled.
struct MCPStartup {
  /// The running servers; shut them down before exiting.
  let source: MCPHelperSource?
  let tools: [any Tool]
  /// One line per server that could not be configured or started.
  let problems: [String]
  /// One line naming the servers that started and how many tools they gave.
  let summary: String?

  static func start(config: ConfigFile, options: ToolOptions) async -> MCPStartup {
    guard !options.noTools, config.toolsEnabled else {
      return MCPStartup(source: nil, tools: [], problems: [], summary: nil)
    }
    let (servers, configProblems) = MCPServerConfig.all(in: config)
    let enabled = servers.filter(\.isEnabled)
    guard !enabled.isEmpty else {
      return MCPStartup(source: nil, tools: [], problems: configProblems.map { "MCP: \($0)" }, summary: nil)
    }
    let helper = ExecutableLocation.sibling(MCPHelperSource.executableName) ?? MCPHelperSource.executableName
    let source = MCPHelperSource(executable: helper, logDirectory: logDirectory)
    let (tools, startProblems) = await source.start(enabled)
    let names = await source.serverNames
    let summary =
      names.isEmpty
      ? nil
      : "MCP: \(names.joined(separator: ", ")) started · \(tools.count) tool\(tools.count == 1 ? "" : "s") (asked before each run)"
    return MCPStartup(
      source: source, tools: tools, problems: (configProblems + startProblems).map { "MCP: \($0)" }, summary: summary)
  }

  /// Where MCP servers' stderr goes: `$XDG_STATE_HOME/ponder`, else `~/.local/state/ponder`.
  static var logDirectory: String {
    let environment = ProcessInfo.processInfo.environment
    let base = environment["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? (NSHomeDirectory() + "/.local/state")
    return base + "/ponder"
  }

  func shutdown() async {
    await source?.shutdown()
  }
}
