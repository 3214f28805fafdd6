import PonderCore

/// `read_file`: the text of a file in the workspace, whole or a range of lines.
///
/// Returns the file's bytes exactly when it fits (no line numbers, no header), so the model sees
/// what is there. Refuses binary files (a NUL byte or invalid UTF-8 in the first 8 KB). Never reads
/// a file whole: it streams in 64 KB chunks, stops at `maxOutputBytes` and says where it cut, and
/// gives up scanning for a far `start_line` after `maxScanBytes`.
public struct ReadFileTool: Tool {
  public var maxOutputBytes: Int
  public var maxScanBytes: Int

  public init(maxOutputBytes: Int = 256 << 10, maxScanBytes: Int = 256 << 20) {
    self.maxOutputBytes = maxOutputBytes
    self.maxScanBytes = maxScanBytes
  }

  public var name: String { "read_file" }
  public var isReadOnly: Bool { true }
  public var description: String {
    "Read a text file in the workspace. Returns its exact content, or only lines start_line to end_line "
      + "(1-based, inclusive). Long output is cut at \(ByteSize.text(maxOutputBytes)) with a note saying how to read on."
  }

  public var parameters: JSONValue {
    [
      "type": "object",
      "properties": [
        "path": ["type": "string", "description": "File path, relative to the workspace root."],
        "start_line": ["type": "integer", "description": "First line to return (1-based). Default 1."],
        "end_line": ["type": "integer", "description": "Last line to return (inclusive). Default: the end."],
      ],
      "required": ["path"],
    ]
  }

  public func run(_ arguments: JSONValue, context: ToolContext) async throws -> ToolOutput {
    let reader = ArgumentReader(arguments, tool: name)
    let path = try context.workspace.resolve(try reader.string("path"))
    let start = try reader.optionalInt("start_line") ?? 1
    let end = try reader.optionalInt("end_line")
    guard start >= 1 else { throw ToolFailure("read_file: start_line must be 1 or more, not \(start).") }
    if let end, end < start { throw ToolFailure("read_file: end_line (\(end)) is before start_line (\(start)).") }
    guard let status = FileStatus.of(path.absolute) else { throw ToolFailure("\(path.relative) does not exist.") }
    switch status.kind {
    case .file: break
    case .directory: throw ToolFailure("\(path.relative) is a directory; use list_directory to see what it holds.")
    case .symlink, .other: throw ToolFailure("\(path.relative) is not a regular file.")
    }
    let file = try OpenFile.forReading(path.absolute, shownAs: path.relative)
    let sample = try file.readFully(upTo: TextSniffer.sampleSize)
    if TextSniffer.isBinary(sample, isWholeFile: Int64(sample.count) >= status.size) {
      throw ToolFailure(
        "\(path.relative) is a binary file (\(ByteSize.text(status.size))); read_file only reads text "
          + "(it found a NUL byte or invalid UTF-8 in the first 8 KB).")
    }
    var selection = LineSelection(start: start, end: end, maxOutputBytes: maxOutputBytes)
    var chunk = sample
    var scanned = 0
    while !chunk.isEmpty, !selection.isComplete {
      selection.consume(chunk)
      scanned += chunk.count
      if scanned >= maxScanBytes, !selection.isComplete { break }
      try Task.checkCancellation()
      chunk = try file.read(upTo: 64 << 10)
    }
    let text = selection.text(
      path: path.relative, fileSize: status.size, scanned: scanned, hitScanLimit: scanned >= maxScanBytes)
    return .ok(text)
  }
}
