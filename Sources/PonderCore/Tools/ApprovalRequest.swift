/// What the approval callback is asked about: the call (name and arguments, to show pretty-printed)
/// and the tool's description and kind, so an overlay can say what allowing it means. The
/// coordinator asks with it and the TUI's approval overlay shows it.
public struct ApprovalRequest: Sendable, Equatable {
  public var call: ToolCall
  public var tool: ToolDefinition
  /// The workspace root the tool would run in.
  public var workspaceRoot: String

  public init(call: ToolCall, tool: ToolDefinition, workspaceRoot: String) {
    self.call = call
    self.tool = tool
    self.workspaceRoot = workspaceRoot
  }
}
