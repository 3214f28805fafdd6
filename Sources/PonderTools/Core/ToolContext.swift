/// What every tool run gets from its caller: the workspace it is confined to.
///
/// Passed per run (not captured by the tools) so one registry serves any workspace and tests can
/// point the same tools at a temporary directory.
public struct ToolContext: Sendable {
  public var workspace: Workspace

  public init(workspace: Workspace) {
    self.workspace = workspace
  }
}
