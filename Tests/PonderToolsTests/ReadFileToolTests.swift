import Foundation
import PonderCore
import PonderTools
import Testing

@Suite struct ReadFileToolTests {
  static let text = "Line 1: café 東京 🙂\n\"quoted\" and \\back\\slash\n\ttabbed\nlast line without newline"

  @Test func theWholeFileComesBackExactly() async throws {
    let temp = try TempWorkspace()
    try temp.write("notes.txt", Self.text)
    let output = try await ReadFileTool().run(["path": "notes.txt"], context: temp.context)
    #expect(output == .ok(Self.text))
  }

  static let ranges: [(JSONValue, String)] = [
    (["path": "notes.txt", "start_line": 2, "end_line": 3], "\"quoted\" and \\back\\slash\n\ttabbed\n"),
    (["path": "notes.txt", "start_line": "4"], "last line without newline"),
    (["path": "notes.txt", "end_line": 1], "Line 1: café 東京 🙂\n"),
    (["path": "notes.txt", "start_line": 9], "[read_file: notes.txt has 4 line(s); there is nothing from line 9 on]"),
  ]

  @Test(arguments: ranges)
  func lineRanges(arguments: JSONValue, expected: String) async throws {
    let temp = try TempWorkspace()
    try temp.write("notes.txt", Self.text)
    let output = try await ReadFileTool().run(arguments, context: temp.context)
    #expect(output == .ok(expected))
  }

  @Test func badRangesAndMissingArgumentsAreExplained() async throws {
    let temp = try TempWorkspace()
    try temp.write("notes.txt", Self.text)
    let tool = ReadFileTool()
    #expect(
      await toolFailure { try await tool.run(["path": "notes.txt", "start_line": 0], context: temp.context) }?.contains(
        "start_line must be 1 or more") == true)
    #expect(
      await toolFailure {
        try await tool.run(["path": "notes.txt", "start_line": 3, "end_line": 2], context: temp.context)
      }?.contains("before start_line") == true)
    #expect(
      await toolFailure { try await tool.run(.emptyObject, context: temp.context) }
        == "read_file needs the argument \"path\" (a string).")
    #expect(
      await toolFailure { try await tool.run(["path": "nope.txt"], context: temp.context) }
        == "nope.txt does not exist.")
    #expect(
      await toolFailure { try await tool.run(["path": "."], context: temp.context) }?.contains("is a directory") == true
    )
  }

  @Test(arguments: [
    [UInt8]([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x00, 0x00]),  // ELF header: NUL bytes
    [UInt8]([0x68, 0x69, 0xFF, 0xFE, 0x0A]),  // invalid UTF-8
    [UInt8](repeating: 0x61, count: 9000) + [0x00],  // NUL after the 8 KB sample: still text
  ])
  func binaryFilesAreRefused(bytes: [UInt8]) async throws {
    let temp = try TempWorkspace()
    try temp.write("blob", bytes: bytes)
    let message = await toolFailure { try await ReadFileTool().run(["path": "blob"], context: temp.context) }
    if bytes.count > 8192 {
      #expect(message == nil)
    } else {
      #expect(message?.contains("blob is a binary file") == true, "\(message ?? "nil")")
    }
  }

  @Test func aMultiByteCharacterCutByTheSampleIsNotBinary() async throws {
    let temp = try TempWorkspace()
    let text = String(repeating: "a", count: 8191) + "é and more"
    try temp.write("cut.txt", text)
    #expect(try await ReadFileTool().run(["path": "cut.txt"], context: temp.context) == .ok(text))
  }

  /// Reading a gigabyte whole would take far longer than the limit (and the memory).
  @Test(.timeLimit(.minutes(1))) func aOneGigabyteSparseFileIsNeverReadWhole() async throws {
    let temp = try TempWorkspace()
    let zeros = try temp.write("zeros.img", "")
    #expect(truncate(zeros, 1 << 30) == 0)
    let binary = await toolFailure { try await ReadFileTool().run(["path": "zeros.img"], context: temp.context) }
    #expect(binary?.contains("zeros.img is a binary file (1 GB)") == true, "\(binary ?? "nil")")

    // Text first, then a gigabyte of holes: output stops at the cap and says how to read on.
    let big = try temp.write("big.log", String(repeating: "a log line\n", count: 1000))
    #expect(truncate(big, 1 << 30) == 0)
    let output = try await ReadFileTool(maxOutputBytes: 64 << 10).run(["path": "big.log"], context: temp.context)
    #expect(output.isOK)
    #expect(output.byteCount < (64 << 10) + 400)
    #expect(output.text.hasPrefix("a log line\na log line\n"))
    #expect(
      output.text.contains(
        "[read_file: output cut at 64 KB (big.log is 1 GB); lines 1-1000 are complete; call read_file with start_line=1001 to read on]"
      ))

    // A far start line gives up after the scan budget instead of reading a gigabyte.
    let far = try await ReadFileTool(maxScanBytes: 1 << 20).run(
      ["path": "big.log", "start_line": 5000], context: temp.context)
    #expect(far == .ok("[read_file: stopped after scanning 1 MB of big.log (1 GB) without reaching line 5000]"))
  }

  @Test func longOutputIsCutWithANote() async throws {
    let temp = try TempWorkspace()
    try temp.write("lines.txt", (1...100).map { "line \($0)" }.joined(separator: "\n"))
    let output = try await ReadFileTool(maxOutputBytes: 20).run(
      ["path": "lines.txt", "start_line": 10], context: temp.context)
    #expect(output.text.hasPrefix("line 10\nline 11\nline"))
    #expect(output.text.hasSuffix("lines 10-11 are complete; call read_file with start_line=12 to read on]"))
  }

  @Test func anEmptyFileSaysSo() async throws {
    let temp = try TempWorkspace()
    try temp.write("empty.txt", "")
    #expect(
      try await ReadFileTool().run(["path": "empty.txt"], context: temp.context)
        == .ok("[read_file: empty.txt is empty]"))
  }
}
