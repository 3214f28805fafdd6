import Foundation
import PonderCore
import PonderTools
import Testing

@Suite struct ToolRegistryTests {
  @Test func builtInToolsAndTheirKinds() {
    let registry = ToolRegistry.builtIn()
    #expect(
      registry.names == ["read_file", "list_directory", "search_files", "current_time", "write_file", "run_command"])
    #expect(
      registry.definitions.filter(\.isReadOnly).map(\.name) == [
        "read_file", "list_directory", "search_files", "current_time",
      ])
    #expect(registry.definitions.allSatisfy { $0.parameters["type"] == "object" })
    #expect(registry.keeping(["run_command"]).names == ["run_command"])
  }

  @Test func theFirstToolOfANameWins() {
    let registry = ToolRegistry([ReadFileTool(maxOutputBytes: 1), ReadFileTool(maxOutputBytes: 2)])
    #expect(registry.names == ["read_file"])
    #expect((registry.tool(named: "read_file") as? ReadFileTool)?.maxOutputBytes == 1)
  }
}
