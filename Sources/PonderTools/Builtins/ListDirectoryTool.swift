import PonderCore

/// `list_directory`: the entries of a directory in the workspace with their type and size.
///
/// Symlinks are shown with their target and not followed. At most `maxEntries` lines; the rest
/// are counted so the model knows the listing is partial.
public struct ListDirectoryTool: Tool {
  public var maxEntries: Int

  public init(maxEntries: Int = 500) {
    self.maxEntries = maxEntries
  }

  public var name: String { "list_directory" }
  public var isReadOnly: Bool { true }
  public var description: String {
    "List a directory in the workspace: one line per entry with its type (dir, file, link) and size. "
      + "Shows at most \(maxEntries) entries."
  }

  public var parameters: JSONValue {
    [
      "type": "object",
      "properties": [
        "path": ["type": "string", "description": "Directory path relative to the workspace root. Default: the root."]
      ],
    ]
  }

  public func run(_ arguments: JSONValue, context: ToolContext) async throws -> ToolOutput {
    let requested = ArgumentReader(arguments, tool: name).optionalString("path") ?? "."
    let path = try context.workspace.resolve(requested.isEmpty ? "." : requested)
    guard let status = FileStatus.of(path.absolute) else { throw ToolFailure("\(path.relative) does not exist.") }
    guard status.kind == .directory else {
      throw ToolFailure("\(path.relative) is not a directory; use read_file for files.")
    }
    let names = try DirectoryEntries.names(in: path.absolute)
    var lines = ["\(path.relative): \(names.count) entr\(names.count == 1 ? "y" : "ies")"]
    for name in names.prefix(maxEntries) {
      try Task.checkCancellation()
      lines.append(Self.line(name: name, in: path.absolute))
    }
    if names.count > maxEntries {
      lines.append("[list_directory: \(names.count - maxEntries) more entries not shown]")
    }
    return .ok(lines.joined(separator: "\n"))
  }

  static func line(name: String, in directory: String) -> String {
    let full = directory == "/" ? "/" + name : directory + "/" + name
    guard let status = FileStatus.of(full) else { return "?     \(name)" }
    switch status.kind {
    case .directory: return "dir   \(name)/"
    case .file: return "file  \(name)  (\(ByteSize.text(status.size)))"
    case .symlink: return "link  \(name) -> \(POSIX.linkTarget(full) ?? "?")"
    case .other: return "other \(name)"
    }
  }
}
