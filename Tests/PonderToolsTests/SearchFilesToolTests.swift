import Foundation
import PonderCore
import PonderTools
import Testing

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
    #expect(
      output
        == .ok(
          "README.md:1: The Answer is here\nsrc/main.swift:2: let answer = 42\n[search_files: 1 binary file(s) skipped]"
        ))
  }

  @Test func matchesAreCapped() async throws {
    let temp = try TempWorkspace()
    try temp.write("many.txt", String(repeating: "hit\n", count: 50))
    let output = try await SearchFilesTool(maxMatches: 5).run(
      ["pattern": "h.t", "path": "many.txt"], context: temp.context)
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
