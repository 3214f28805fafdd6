import Foundation
import PonderCore
import PonderTools
import Testing

@Suite struct ListDirectoryToolTests {
  @Test func entriesShowTypeAndSizeAndSymlinksAreNotFollowed() async throws {
    let temp = try TempWorkspace()
    try temp.write("b.txt", "12345")
    try temp.write("a/inner.txt", "x")
    try temp.symlink("c", to: temp.outside)
    let output = try await ListDirectoryTool().run(.emptyObject, context: temp.context)
    #expect(output == .ok(".: 3 entries\ndir   a/\nfile  b.txt  (5 bytes)\nlink  c -> \(temp.outside)"))
  }

  @Test func longListingsAreCapped() async throws {
    let temp = try TempWorkspace()
    for index in 0..<12 { try temp.write("f\(index < 10 ? "0" : "")\(index)", "") }
    let output = try await ListDirectoryTool(maxEntries: 10).run(["path": "."], context: temp.context)
    let lines = output.text.split(separator: "\n")
    #expect(lines.count == 12)
    #expect(lines.last == "[list_directory: 2 more entries not shown]")
  }

  @Test func aFileIsNotADirectory() async throws {
    let temp = try TempWorkspace()
    try temp.write("f.txt", "x")
    let message = await toolFailure { try await ListDirectoryTool().run(["path": "f.txt"], context: temp.context) }
    #expect(message == "f.txt is not a directory; use read_file for files.")
  }
}

@Suite struct SearchFilesToolTests {
  @Test func matchesComeBackAsPathLineText() async throws {
    let temp = try TempWorkspace()
    try temp.write("src/main.swift", "import Foo\nlet answer = 42\n")
    try temp.write("README.md", "The Answer is here\n")
    try temp.write(".git/config", "answer in git\n")
    try temp.write("blob.bin", bytes: [0x61, 0x6E, 0x73, 0x77, 0x65, 0x72, 0x00])
    try temp.symlink("outside-link", to: temp.outside)
    try temp.write("leak.txt", "answer outside\n", in: temp.outside)
    let output = try await SearchFilesTool().run(["pattern": "answer", "ignore_case": true], context: temp.context)
    #expect(output == .ok("README.md:1: The Answer is here\nsrc/main.swift:2: let answer = 42\n[search_files: 1 binary file(s) skipped]"))
  }

  @Test func matchesAreCapped() async throws {
    let temp = try TempWorkspace()
    try temp.write("many.txt", String(repeating: "hit\n", count: 50))
    let output = try await SearchFilesTool(maxMatches: 5).run(["pattern": "h.t", "path": "many.txt"], context: temp.context)
    #expect(output.text.split(separator: "\n").count == 6)
    #expect(output.text.hasSuffix("[search_files: stopped at 5 matches]"))
  }

  @Test func aBadPatternAndNoMatchesAreExplained() async throws {
    let temp = try TempWorkspace()
    try temp.write("a.txt", "x\n")
    let message = await toolFailure { try await SearchFilesTool().run(["pattern": "(unclosed"], context: temp.context) }
    #expect(message?.hasPrefix("search_files: (unclosed is not a valid regular expression") == true)
    let none = try await SearchFilesTool().run(["pattern": "zzz"], context: temp.context)
    #expect(none == .ok("No matches for /zzz/ in 1 file(s)."))
  }
}

@Suite struct WriteFileToolTests {
  @Test func createsParentsAndReplaces() async throws {
    let temp = try TempWorkspace()
    let first = try await WriteFileTool().run(["path": "deep/er/new.txt", "content": "héllo"], context: temp.context)
    #expect(first == .ok("wrote 6 bytes to deep/er/new.txt (new file)"))
    #expect(temp.read("deep/er/new.txt") == "héllo")
    let second = try await WriteFileTool().run(["path": "deep/er/new.txt", "content": ""], context: temp.context)
    #expect(second == .ok("wrote 0 bytes to deep/er/new.txt (replaced a file of 6 bytes)"))
    #expect(temp.read("deep/er/new.txt") == "")
  }

  @Test func itIsNotReadOnlyAndRefusesDirectories() async throws {
    let temp = try TempWorkspace()
    #expect(WriteFileTool().isReadOnly == false)
    try temp.write("dir/x", "")
    let message = await toolFailure { try await WriteFileTool().run(["path": "dir", "content": "x"], context: temp.context) }
    #expect(message == "dir exists and is not a regular file; it was not changed.")
  }
}

@Suite struct CurrentTimeToolTests {
  @Test func reportsTheInjectedInstant() async throws {
    let tool = CurrentTimeTool(now: { 1_759_302_723 })
    let output = try await tool.run(.emptyObject, context: try TempWorkspace().context)
    #expect(output.isOK)
    #expect(output.text.hasSuffix("; unix time 1759302723"))
    #expect(output.text.contains("2025-10-01T") || output.text.contains("2025-09-30T") || output.text.contains("2025-10-02T"))
  }
}

@Suite struct ToolRegistryTests {
  @Test func builtInToolsAndTheirKinds() {
    let registry = ToolRegistry.builtIn()
    #expect(registry.names == ["read_file", "list_directory", "search_files", "current_time", "write_file", "run_command"])
    #expect(registry.infos.filter(\.isReadOnly).map(\.name) == ["read_file", "list_directory", "search_files", "current_time"])
    #expect(registry.definitions.allSatisfy { $0.parameters["type"] == "object" })
    #expect(registry.keeping(["run_command"]).names == ["run_command"])
  }

  @Test func theFirstToolOfANameWins() {
    let registry = ToolRegistry([ReadFileTool(maxOutputBytes: 1), ReadFileTool(maxOutputBytes: 2)])
    #expect(registry.names == ["read_file"])
    #expect((registry.tool(named: "read_file") as? ReadFileTool)?.maxOutputBytes == 1)
  }
}
