import PonderCore

/// `search_files`: a regular expression over the text files of the workspace (or a folder of it).
///
/// Walks without following symlinks, skips `.git`, binary files and files over `maxFileBytes`,
/// and stops at `maxMatches` matching lines or `maxFiles` files read, saying so. Each match is
/// `path:line: text`, the text cut at 200 characters.
///
/// With a ``SearchWorker`` the search runs in a child process with a deadline, so no pattern can
/// hang the turn; without one (inside the worker itself, and in tests) it runs here.
public struct SearchFilesTool: Tool {
  public var maxMatches: Int
  public var maxFiles: Int
  public var maxFileBytes: Int
  public var worker: SearchWorker?

  public init(maxMatches: Int = 100, maxFiles: Int = 5000, maxFileBytes: Int = 2 << 20, worker: SearchWorker? = nil) {
    self.maxMatches = maxMatches
    self.maxFiles = maxFiles
    self.maxFileBytes = maxFileBytes
    self.worker = worker
  }

  public var name: String { "search_files" }
  public var isReadOnly: Bool { true }
  public var description: String {
    "Search the text files of the workspace for a regular expression. Returns matching lines as "
      + "path:line: text (at most \(maxMatches)). Skips .git and binary files."
  }

  public var parameters: JSONValue {
    [
      "type": "object",
      "properties": [
        "pattern": ["type": "string", "description": "Regular expression to look for in each line."],
        "path": [
          "type": "string", "description": "Folder (or file) to search, relative to the workspace. Default: all of it.",
        ],
        "ignore_case": ["type": "boolean", "description": "Match letters in either case. Default false."],
      ],
      "required": ["pattern"],
    ]
  }

  public func run(_ arguments: JSONValue, context: ToolContext) async throws -> ToolOutput {
    if let worker { return try await runInWorker(worker, arguments, context: context) }
    let reader = ArgumentReader(arguments, tool: name)
    let pattern = try reader.string("pattern")
    let ignoreCase = try reader.optionalBool("ignore_case") ?? false
    let start = try context.workspace.resolve(reader.optionalString("path") ?? ".")
    guard FileStatus.of(start.absolute) != nil else { throw ToolFailure("\(start.relative) does not exist.") }
    let regex: Regex<AnyRegexOutput>
    do {
      regex = ignoreCase ? try Regex(pattern).ignoresCase() : try Regex(pattern)
    } catch {
      throw ToolFailure("search_files: \(pattern) is not a valid regular expression: \(error)")
    }
    var search = FileSearchTally(maxMatches: maxMatches, maxFiles: maxFiles)
    var pending = [start.absolute]
    while let path = pending.popLast(), !search.isFull {
      try Task.checkCancellation()
      guard let status = FileStatus.of(path) else { continue }
      switch status.kind {
      case .directory:
        let names = (try? DirectoryEntries.names(in: path)) ?? []
        pending += names.filter { $0 != ".git" }.reversed().map { path == "/" ? "/" + $0 : path + "/" + $0 }
      case .file:
        guard status.size <= Int64(maxFileBytes) else {
          search.skippedLarge += 1
          continue
        }
        search.scan(path, shownAs: context.workspace.relative(path), regex: regex, limit: maxFileBytes)
      case .symlink, .other:
        continue
      }
    }
    return .ok(search.report(pattern: pattern, maxFileBytes: maxFileBytes))
  }
}

extension SearchFilesTool {
  /// The search in a child process: its report is the tool's output; past the deadline the
  /// process is killed and the model is told the pattern was too slow.
  func runInWorker(_ worker: SearchWorker, _ arguments: JSONValue, context: ToolContext) async throws -> ToolOutput {
    let pattern = arguments["pattern"]?.stringValue ?? ""
    let report = try await ProcessRunner.run(
      command: worker.commandLine(root: context.workspace.root, arguments: arguments),
      directory: context.workspace.root,
      timeout: worker.timeout, captureLimit: 1 << 20)
    switch report.ending {
    case .exited(0):
      return .ok(report.stdout.text)
    case .timedOut:
      throw ToolFailure(
        "search_files: pattern too slow — /\(pattern)/ was stopped after \(String(format2: worker.timeout)) s. "
          + "Nested repetition such as (a+)+ can take for ever; use a simpler pattern.")
    case .cancelled:
      throw CancellationError()
    case .exited, .signaled, .unknown:
      let text = report.stderr.text.trimmingWhitespace()
      throw ToolFailure(text.isEmpty ? "search_files: the search failed" : text)
    }
  }
}
