import Foundation
import PonderCore
import PonderTOML
import PonderTools

/// Everything a conversation needs to offer tools: the registry, the workspace and the approval
/// rules from the config file and the command line; it makes the coordinator that runs turns with
/// them once the server is known.
///
/// One per process. It also saves "always allow" answers to the config file (the rules themselves
/// are pure and do no I/O).
struct ToolSession: Sendable {
  let registry: ToolRegistry
  let workspace: Workspace
  let policy: ApprovalPolicy
  let maxSteps: Int
  /// Why no tools are offered (`--no-tools`, a bad workspace), for the Log; `nil` when they are.
  let disabledReason: String?

  /// The config key (in `[tools]`) holding the names the user chose "always allow" for.
  static let alwaysAllowKey = "always_allow"

  init(options: ToolOptions, config: ConfigFile, interactive: Bool, extraTools: [any Tool] = []) throws(ToolFailure) {
    let root = options.workspace ?? FileManager.default.currentDirectoryPath
    workspace = try Workspace(root: root)
    var registry = ToolRegistry(
      ToolRegistry.builtIn(searchWorker: SearchWorkerCommand.worker(config: config)).tools + extraTools)
    var disabled: String?
    if options.noTools {
      registry = ToolRegistry([])
      disabled = "tools are off (--no-tools)"
    } else if !config.toolsEnabled {
      registry = ToolRegistry([])
      disabled = "tools are off (tools.enabled = false in the config file)"
    }
    self.registry = registry
    disabledReason = disabled
    maxSteps = options.maxToolSteps
    policy = ApprovalPolicy(
      isInteractive: interactive, allowAll: options.yes, commandLineAllowed: Set(options.allow),
      alwaysAllowed: Set(config.strings("tools.\(Self.alwaysAllowKey)")))
  }

  /// The coordinator for turns against `backend`; keep it for the session so "allow for this
  /// session" answers last.
  func coordinator(
    backend: ChatBackend, transport: any HTTPTransport, approve: @escaping ToolStreamingCoordinator.Approver
  ) -> ToolStreamingCoordinator {
    ToolStreamingCoordinator(
      backend: backend, transport: transport, registry: registry, context: ToolContext(workspace: workspace),
      policy: policy, maxSteps: maxSteps, approve: approve)
  }

  /// Adds `name` to `[tools] always_allow` in the config file; returns a problem to log, if any.
  static func saveAlwaysAllow(_ name: String) -> String? {
    guard let path = ConfigLoader.path else {
      return "could not save \"always allow \(name)\": neither PONDER_CONFIG, XDG_CONFIG_HOME nor HOME is set"
    }
    let existing = FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) } ?? ""
    let current = TOMLReader.config(existing).strings("tools.\(alwaysAllowKey)")
    guard !current.contains(name) else { return nil }
    let updated = ConfigEditor.setting(alwaysAllowKey, to: current + [name], inSection: "tools", of: existing)
    // The editor works on lines; a file that writes [tools] in a form it does not follow (an
    // inline table, a dotted key) would come out broken. Never write that: say so instead.
    guard TOMLReader.config(updated).strings("tools.\(alwaysAllowKey)") == current + [name] else {
      return "could not save \"always allow \(name)\" to \(path): add it to always_allow under [tools] by hand"
    }
    do {
      try FileManager.default.createDirectory(
        atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      try updated.write(toFile: path, atomically: true, encoding: .utf8)
      return nil
    } catch {
      return "could not save \"always allow \(name)\" to \(path): \(error.localizedDescription)"
    }
  }
}
