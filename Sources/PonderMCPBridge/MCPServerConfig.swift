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

/// Why a `[mcp.NAME]` section cannot be used, worded for the person editing the config file.
public struct MCPConfigError: Error, Sendable, Equatable, CustomStringConvertible {
  public var server: String
  public var reason: String

  public init(server: String, reason: String) {
    self.server = server
    self.reason = reason
  }

  public var description: String { "[mcp.\(server)]: \(reason)" }
}

extension MCPServerConfig {
  /// Keys a `[mcp.NAME]` section may have (besides its `[mcp.NAME.env]` section).
  static let knownKeys: Set<String> = ["command", "args", "enabled"]

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

  /// The `[mcp.NAME]` section of `file`.
  public init(name: String, in file: ConfigFile) throws(MCPConfigError) {
    let prefix = "mcp.\(name)."
    func fail(_ reason: String) -> MCPConfigError { MCPConfigError(server: name, reason: reason) }

    guard let commandValue = file.values[prefix + "command"] else {
      throw fail("no command; add a line like command = \"npx\" (the program that starts the server)")
    }
    guard case .string(let command) = commandValue, !command.trimmingSpaces().isEmpty else {
      throw fail("command must be a non-empty string, like command = \"npx\"")
    }

    var arguments: [String] = []
    switch file.values[prefix + "args"] {
    case nil: break
    case .strings(let list)?: arguments = list
    case .string(let single)?:
      throw fail("args must be a list of strings, like args = [\"\(single)\"]")
    default: throw fail("args must be a list of strings, like args = [\"-y\", \"some-server\"]")
    }

    var isEnabled = true
    switch file.values[prefix + "enabled"] {
    case nil: break
    case .bool(let flag)?: isEnabled = flag
    default: throw fail("enabled must be true or false")
    }

    var environment: [String: String] = [:]
    let envPrefix = prefix + "env."
    for (key, value) in file.values where key.hasPrefix(envPrefix) {
      let variable = String(key.dropFirst(envPrefix.count))
      guard !variable.isEmpty, !variable.contains("="), !variable.contains(".") else {
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
    if file.values[prefix + "env"] != nil {
      throw fail("env must be its own section: [mcp.\(name).env] followed by lines like LOG_LEVEL = \"warn\"")
    }

    for key in file.values.keys where key.hasPrefix(prefix) && !key.hasPrefix(envPrefix) {
      let field = String(key.dropFirst(prefix.count))
      if !Self.knownKeys.contains(field) {
        throw fail("unknown key \"\(field)\" (known: command, args, enabled, and an [mcp.\(name).env] section)")
      }
    }

    self.init(
      name: name, command: command, arguments: arguments, environment: environment, isEnabled: isEnabled)
  }
}
