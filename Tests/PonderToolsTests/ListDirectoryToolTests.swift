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

  /// A number where a path belongs is read as its text; `1e300` used to crash converting to `Int`.
  @Test func aNumberForThePathIsReadAsItsText() async throws {
    let temp = try TempWorkspace()
    try temp.write("10/inner.txt", "x")
    let output = try await ListDirectoryTool().run(["path": 10], context: temp.context)
    #expect(output.text.hasPrefix("10: 1 entry"))
    let huge = await toolFailure { try await ListDirectoryTool().run(["path": 1e300], context: temp.context) }
    #expect(huge?.contains("1e+300") == true, "\(huge ?? "no failure")")
  }
}
