import PonderCore

/// The tools a conversation may offer, by name: what requests carry and the turn machine and
/// approval rules see (`definitions`), and what runs a call (`tool(named:)`).
///
/// Names are unique: when two tools share one, the first is kept (built-in tools come before MCP
/// tools, so a server cannot shadow `read_file`).
public struct ToolRegistry: Sendable {
  public private(set) var tools: [any Tool]

  public init(_ tools: [any Tool]) {
    var seen = Set<String>()
    self.tools = tools.filter { seen.insert($0.name).inserted }
  }

  /// The built-in tools with their default limits: `read_file`, `list_directory`, `search_files`
  /// (in `searchWorker`'s process when given), `current_time`, `write_file`, `run_command`.
  public static func builtIn(searchWorker: SearchWorker? = nil) -> ToolRegistry {
    ToolRegistry([
      ReadFileTool(), ListDirectoryTool(), SearchFilesTool(worker: searchWorker), CurrentTimeTool(), WriteFileTool(),
      RunCommandTool(),
    ])
  }

  public func tool(named name: String) -> (any Tool)? {
    tools.first { $0.name == name }
  }

  public var names: [String] { tools.map(\.name) }

  /// What a ``ChatRequest`` offers the model, and what ``ToolTurnMachine`` and
  /// ``ApprovalPolicy`` need.
  public var definitions: [ToolDefinition] { tools.map(\.definition) }

  /// Only the named tools, in this registry's order (for `--tools read_file,list_directory`).
  public func keeping(_ names: Set<String>) -> ToolRegistry {
    ToolRegistry(tools.filter { names.contains($0.name) })
  }
}
