/// Decides whether a tool call may run without asking, must be asked about, or is refused.
///
/// Pure data: the caller fills it from the config file (`alwaysAllowed`) and the command line
/// (`--allow NAME`, `--yes`), and the turn machine records the user's answers in it. Rules, first
/// match wins:
/// 1. `--yes` (`allowAll`) allows everything;
/// 2. a tool named by `--allow`, saved as "always allow", or allowed for this session runs;
/// 3. a read-only tool runs (the built-in ones cannot reach outside the workspace);
/// 4. anything else (writing files, running commands, MCP tools) is asked about — or, when nobody
///    can be asked (`ponder ask`), denied with a message naming `--allow` and `--yes`.
public struct ApprovalPolicy: Sendable, Equatable {
  /// Whether a person can be asked (the TUI) or not (`ponder ask`, scripts).
  public var isInteractive: Bool
  /// `--yes`: run every tool without asking.
  public var allowAll: Bool
  /// `--allow NAME`, repeatable.
  public var commandLineAllowed: Set<String>
  /// Tools the user chose "always allow" for (persisted in the config file by the caller).
  public var alwaysAllowed: Set<String>
  /// Tools the user chose "allow for this session" for.
  public private(set) var sessionAllowed: Set<String> = []

  public init(
    isInteractive: Bool, allowAll: Bool = false, commandLineAllowed: Set<String> = [],
    alwaysAllowed: Set<String> = []
  ) {
    self.isInteractive = isInteractive
    self.allowAll = allowAll
    self.commandLineAllowed = commandLineAllowed
    self.alwaysAllowed = alwaysAllowed
  }

  /// The verdict for one call of `tool`.
  public func verdict(for tool: ToolDefinition) -> ApprovalVerdict {
    let name = tool.name
    if allowAll { return .allow("--yes") }
    if commandLineAllowed.contains(name) { return .allow("--allow \(name)") }
    if alwaysAllowed.contains(name) { return .allow("always allowed") }
    if sessionAllowed.contains(name) { return .allow("allowed for this session") }
    if tool.isReadOnly { return .allow("read-only") }
    if isInteractive { return .ask }
    return .deny("needs approval, and nobody can be asked (use --allow \(name) or --yes)")
  }

  /// Remembers the user's answer for later calls of the same tool.
  public mutating func record(_ decision: ApprovalDecision, for toolName: String) {
    switch decision {
    case .allowOnce, .deny: break
    case .allowForSession: sessionAllowed.insert(toolName)
    case .alwaysAllow: alwaysAllowed.insert(toolName)
    }
  }

  /// The result text the model receives for a call that did not run because it was refused.
  public static func denialMessage(toolName: String, byUser: Bool, reason: String? = nil) -> String {
    if byUser {
      return "The user denied permission to run \(toolName) with these arguments. It was not run. "
        + "Do not retry the same call; continue without it, or ask the user what to do."
    }
    return "\(toolName) was not run: \(reason ?? "it is not allowed"). "
      + "Continue without it, or tell the user how to allow it."
  }
}
