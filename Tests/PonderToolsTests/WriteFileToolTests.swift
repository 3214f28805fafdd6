import Foundation
import PonderCore
import PonderTools
import Testing

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
    let message = await toolFailure {
      try await WriteFileTool().run(["path": "dir", "content": "x"], context: temp.context)
    }
    #expect(message == "dir exists and is not a regular file; it was not changed.")
  }
}
