import PonderCore
import PonderScreen
import Testing

/// The user approves what they can read: a long command is wrapped in the approval box, never
/// cut, and a box too small to show it all says so.
@Suite struct ApprovalArgumentsTests {
  static let command =
    "rm -rf build && make -j8 all && ./scripts/deploy --target production --really-delete-everything-on-the-server"
  static let request = ApprovalRequest(
    call: ToolCall(id: "c", name: "run_command", arguments: ["command": .string(command)]),
    tool: ToolDefinition(name: "run_command", description: "Runs a shell command.", parameters: .emptyObject),
    workspaceRoot: "/w")

  @Test func aLongCommandIsWrappedWhole() {
    let lines = Self.request.argumentLines(width: 40)
    #expect(lines.first?.0 == "command")
    #expect(lines.dropFirst().allSatisfy { $0.0.isEmpty })
    #expect(lines.map(\.1).joined() == Self.command)
    #expect(lines.allSatisfy { $0.1.count <= 40 })
  }

  @Test func theToolCallLineInTheLogIsWhole() throws {
    let line = try #require(ToolEventText.line(for: .toolCall(Self.request.call)))
    #expect(line.contains("really-delete-everything-on-the-server"))
  }
}
