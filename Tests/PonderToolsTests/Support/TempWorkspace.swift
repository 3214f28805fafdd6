import Foundation
import PonderCore
import PonderTools

/// A temporary directory holding a workspace (`ws/`) and, beside it, a directory the workspace
/// must not reach (`outside/`). Removed when the value goes away.
final class TempWorkspace: @unchecked Sendable {
  let base: String
  let root: String
  let outside: String
  let workspace: Workspace

  init() throws {
    var template = Array("/tmp/ponder-tools-XXXXXX".utf8CString)
    guard let made = mkdtemp(&template) else { throw POSIXError(.EIO) }
    base = String(cString: made)
    root = base + "/ws"
    outside = base + "/outside"
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
    workspace = try Workspace(root: root)
  }

  deinit { try? FileManager.default.removeItem(atPath: base) }

  var context: ToolContext { ToolContext(workspace: workspace) }

  @discardableResult
  func write(_ relative: String, _ text: String, in directory: String? = nil) throws -> String {
    try write(relative, bytes: Array(text.utf8), in: directory)
  }

  @discardableResult
  func write(_ relative: String, bytes: [UInt8], in directory: String? = nil) throws -> String {
    let path = (directory ?? root) + "/" + relative
    try FileManager.default.createDirectory(
      atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else { throw POSIXError(.EIO) }
    return path
  }

  func symlink(_ relative: String, to target: String) throws {
    try FileManager.default.createSymbolicLink(atPath: root + "/" + relative, withDestinationPath: target)
  }

  func read(_ relative: String) -> String? {
    FileManager.default.contents(atPath: root + "/" + relative).map { String(decoding: $0, as: UTF8.self) }
  }
}

/// Runs a tool and returns the failure it reports to the model (thrown or returned as failed).
func toolFailure(_ body: () async throws -> ToolOutput) async -> String? {
  do {
    let output = try await body()
    return output.isOK ? nil : output.text
  } catch let failure as ToolFailure {
    return failure.message
  } catch {
    return "unexpected error: \(error)"
  }
}
