import Foundation
import PonderCore
import PonderTools
import Testing

/// Sandbox attacks on the path rules: every way out of the workspace is refused with a message
/// the model reads, and legitimate paths inside (including symlinks that stay inside) work.
@Suite struct WorkspaceTests {
  @Test(arguments: ["../outside/secret.txt", "sub/../../outside/secret.txt", "./../../../../etc/passwd", ".."])
  func dotDotEscapesAreRefused(path: String) async throws {
    let temp = try TempWorkspace()
    try temp.write("secret.txt", "top secret", in: temp.outside)
    try temp.write("sub/keep.txt", "x")
    let message = await toolFailure { try await ReadFileTool().run(["path": .string(path)], context: temp.context) }
    #expect(message?.contains("is outside the workspace (\(temp.workspace.root))") == true, "\(message ?? "nil")")
    #expect(message?.contains("top secret") == false)
  }

  @Test func anAbsolutePathOutsideIsRefusedAndOneInsideWorks() async throws {
    let temp = try TempWorkspace()
    let secret = try temp.write("secret.txt", "top secret", in: temp.outside)
    let inside = try temp.write("notes.txt", "hello")
    let refused = await toolFailure { try await ReadFileTool().run(["path": .string(secret)], context: temp.context) }
    #expect(refused?.contains("is outside the workspace") == true)
    let etc = await toolFailure { try await ReadFileTool().run(["path": "/etc/passwd"], context: temp.context) }
    #expect(etc?.contains("is outside the workspace") == true)
    let output = try await ReadFileTool().run(["path": .string(inside)], context: temp.context)
    #expect(output == .ok("hello"))
  }

  @Test func aSymlinkPointingOutsideIsRefusedAtAnyComponent() async throws {
    let temp = try TempWorkspace()
    try temp.write("secret.txt", "top secret", in: temp.outside)
    try temp.symlink("link.txt", to: temp.outside + "/secret.txt")
    try temp.symlink("door", to: temp.outside)
    try temp.symlink("relative-door", to: "../outside")
    for path in ["link.txt", "door/secret.txt", "relative-door/secret.txt"] {
      let message = await toolFailure { try await ReadFileTool().run(["path": .string(path)], context: temp.context) }
      #expect(message?.contains("is outside the workspace") == true, "\(path): \(message ?? "nil")")
      #expect(message?.contains("through a symbolic link") == true, "\(path)")
    }
    let listing = await toolFailure { try await ListDirectoryTool().run(["path": "door"], context: temp.context) }
    #expect(listing?.contains("is outside the workspace") == true)
  }

  @Test(arguments: ["~/x", "~"])
  func aTildeIsRefusedNotTakenAsAFolderName(path: String) async throws {
    let temp = try TempWorkspace()
    let message = await toolFailure {
      try await WriteFileTool().run(["path": .string(path), "content": "x"], context: temp.context)
    }
    #expect(message?.contains("starts with ~, which is not expanded here") == true, "\(message ?? "nil")")
    #expect(!FileManager.default.fileExists(atPath: temp.workspace.root + "/~"))
  }

  @Test func writingThroughASymlinkOutsideIsRefusedAndNothingIsCreated() async throws {
    let temp = try TempWorkspace()
    try temp.symlink("door", to: temp.outside)
    try temp.symlink("dangling", to: temp.outside + "/new.txt")
    for path in ["door/new.txt", "door/deep/new.txt", "dangling"] {
      let message = await toolFailure {
        try await WriteFileTool().run(["path": .string(path), "content": "pwned"], context: temp.context)
      }
      #expect(message != nil, "\(path) was written")
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: temp.outside).isEmpty)
  }

  @Test func symlinksThatStayInsideAreFollowed() async throws {
    let temp = try TempWorkspace()
    try temp.write("real/data.txt", "inside")
    try temp.symlink("alias", to: "real")
    let output = try await ReadFileTool().run(["path": "alias/data.txt"], context: temp.context)
    #expect(output == .ok("inside"))
    let resolved = try temp.workspace.resolve("alias/data.txt")
    #expect(resolved.relative == "real/data.txt")
  }

  @Test func missingPathsResolveInsideForWriting() throws {
    let temp = try TempWorkspace()
    let resolved = try temp.workspace.resolve("new/dir/../file.txt")
    #expect(resolved.relative == "new/file.txt")
    #expect(resolved.exists == false)
    #expect(try temp.workspace.resolve("").relative == ".")
    #expect(try temp.workspace.resolve(temp.root).relative == ".")
  }

  @Test func aFileUsedAsAFolderIsRefused() async throws {
    let temp = try TempWorkspace()
    try temp.write("plain.txt", "x")
    let message = await toolFailure { try await ReadFileTool().run(["path": "plain.txt/more"], context: temp.context) }
    #expect(message?.contains("is not a directory") == true, "\(message ?? "nil")")
  }

  @Test func theRootMustBeADirectory() throws {
    let temp = try TempWorkspace()
    let file = try temp.write("f", "x")
    #expect(throws: ToolFailure.self) { try Workspace(root: file) }
    #expect(throws: ToolFailure.self) { try Workspace(root: temp.base + "/missing") }
  }
}
