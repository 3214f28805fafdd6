import PonderCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `write_file`: creates or replaces a text file inside the workspace, creating missing parent
/// folders. It changes the user's files, so it is not read-only and is asked about by default.
///
/// The path goes through ``Workspace/resolve(_:)``; the file is opened with `O_NOFOLLOW`, so a
/// symlink put in its place after the check is not followed.
public struct WriteFileTool: Tool {
  public init() {}

  public var name: String { "write_file" }
  public var isReadOnly: Bool { false }
  public var description: String {
    "Create or overwrite a text file in the workspace with the given content. Missing folders are created."
  }

  public var parameters: JSONValue {
    [
      "type": "object",
      "properties": [
        "path": ["type": "string", "description": "File path, relative to the workspace root."],
        "content": ["type": "string", "description": "The complete new content of the file."],
      ],
      "required": ["path", "content"],
    ]
  }

  public func run(_ arguments: JSONValue, context: ToolContext) async throws -> ToolOutput {
    let reader = ArgumentReader(arguments, tool: name)
    let path = try context.workspace.resolve(try reader.string("path"))
    guard let content = arguments["content"]?.stringValue else {
      throw ToolFailure("write_file needs the argument \"content\" (a string).")
    }
    let previous = FileStatus.of(path.absolute)
    if let previous, previous.kind != .file {
      throw ToolFailure("\(path.relative) exists and is not a regular file; it was not changed.")
    }
    guard path.absolute != context.workspace.root else { throw ToolFailure("write_file needs a file path.") }
    try createParents(of: path.absolute, in: context.workspace)
    try Task.checkCancellation()
    let descriptor = open(path.absolute, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw ToolFailure("cannot write \(path.relative): \(POSIX.describe(errno)).") }
    let file = OpenFile(adopting: descriptor)
    let bytes = Array(content.utf8)
    try file.write(bytes)
    let how = previous.map { "replaced a file of \(ByteSize.text($0.size))" } ?? "new file"
    return .ok("wrote \(ByteSize.text(bytes.count)) to \(path.relative) (\(how))")
  }

  /// Makes each missing folder between the workspace and the file, refusing to go outside.
  private func createParents(of file: String, in workspace: Workspace) throws(ToolFailure) {
    var missing: [String] = []
    var parent = Self.parent(of: file)
    while FileStatus.of(parent) == nil, workspace.contains(parent), parent != "/" {
      missing.append(parent)
      parent = Self.parent(of: parent)
    }
    guard FileStatus.following(parent)?.kind == .directory else {
      throw ToolFailure("cannot write \(workspace.relative(file)): \(workspace.relative(parent)) is not a directory.")
    }
    for folder in missing.reversed() {
      guard mkdir(folder, 0o755) == 0 || errno == EEXIST else {
        throw ToolFailure("cannot create the folder \(workspace.relative(folder)): \(POSIX.describe(errno)).")
      }
    }
  }

  static func parent(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return "/" }
    return String(path[..<slash])
  }
}
