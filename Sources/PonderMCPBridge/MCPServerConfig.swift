import PonderCore
import PonderTools

/// One MCP server from the config file: how to start it, and whether to.
///
/// Declared as a `[mcp.NAME]` section:
///
/// ```toml
/// [mcp.files]
/// command = "npx"
/// args = ["-y", "@modelcontextprotocol/server-filesystem", "/home/me/notes"]
/// enabled = true            # optional; false keeps the section but starts nothing
///
/// [mcp.files.env]           # optional; added to Ponder's own environment
/// LOG_LEVEL = "warn"
/// ```
///
/// Pure data: parsing reads a ``ConfigFile`` and starts nothing.
public struct MCPServerConfig: Sendable, Equatable {
  /// The section's name (`files`); the prefix of every tool the server offers.
  public var name: String
  /// The program to run, looked up on `PATH` when it has no `/`.
  public var command: String
  public var arguments: [String]
  /// Variables set for the server on top of Ponder's environment.
  public var environment: [String: String]
  /// `enabled = false`: parsed, but not started.
  public var isEnabled: Bool

  public init(
    name: String, command: String, arguments: [String] = [], environment: [String: String] = [:],
    isEnabled: Bool = true
  ) {
    self.name = name
    self.command = command
    self.arguments = arguments
    self.environment = environment
    self.isEnabled = isEnabled
  }
}

extension MCPServerConfig {
  /// Every `[mcp.NAME]` section of `file`, in name order, disabled ones included; a section that
  /// cannot be used is left out and explained in `problems`.
  public static func all(in file: ConfigFile) -> (servers: [MCPServerConfig], problems: [String]) {
    var servers: [MCPServerConfig] = []
    var problems: [String] = []
    for name in file.sections(under: "mcp") {
      do {
        servers.append(try MCPServerConfig(name: name, in: file))
      } catch {
        problems.append(error.description)
      }
    }
    return (servers, problems)
  }

  /// The `[mcp.NAME]` section of `file`. Keys and types were checked when the file was read
  /// (``ConfigFile/problems`` names the line); a server with a value of the wrong type is not
  /// started, since running it without its arguments could do something else entirely.
  public init(name: String, in file: ConfigFile) throws(MCPConfigError) {
    let prefix = "mcp.\(name)."
    func fail(_ reason: String) -> MCPConfigError { MCPConfigError(server: name, reason: reason) }

    if file.rejected.contains(prefix + "command") {
      throw fail("command must be a non-empty string, like command = \"npx\"")
    }
    guard let command = file.string(prefix + "command") else {
      if case .string? = file.values[prefix + "command"] {
        throw fail("command must be a non-empty string, like command = \"npx\"")
      }
      throw fail("no command; add a line like command = \"npx\" (the program that starts the server)")
    }
    guard !command.trimmingWhitespace().isEmpty else {
      throw fail("command must be a non-empty string, like command = \"npx\"")
    }
    if file.rejected.contains(prefix + "args") {
      throw fail("not started: args must be a list of strings, like args = [\"-y\", \"some-server\"]")
    }
    if file.rejected.contains(prefix + "enabled") { throw fail("not started: enabled must be true or false") }
    if file.rejected.contains(prefix + "env") {
      throw fail("not started: env must be a table, like [mcp.\(name).env] followed by LOG_LEVEL = \"warn\"")
    }

    var environment: [String: String] = [:]
    let envPrefix = prefix + "env."
    for key in file.rejected where key.hasPrefix(envPrefix) {
      throw fail("not started: [mcp.\(name).env] \(key.dropFirst(envPrefix.count)) must be a single value, not a list")
    }
    for (key, value) in file.values where key.hasPrefix(envPrefix) {
      let variable = String(key.dropFirst(envPrefix.count))
      guard !variable.isEmpty, !variable.contains("=") else {
        throw fail("[mcp.\(name).env] has a bad variable name \"\(variable)\"")
      }
      switch value {
      case .string(let text): environment[variable] = text
      case .number(let number):
        environment[variable] = number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
      case .bool(let flag): environment[variable] = String(flag)
      case .strings: throw fail("[mcp.\(name).env] \(variable) must be a single value, not a list")
      }
    }

    self.init(
      name: name, command: command, arguments: file.strings(prefix + "args"), environment: environment,
      isEnabled: file.bool(prefix + "enabled") ?? true)
  }
}
