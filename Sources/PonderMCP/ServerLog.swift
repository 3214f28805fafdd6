import Foundation
import PonderTools

/// Where a server's stderr goes: a log file of its own (`mcp-NAME.log` in the log folder), or
/// nowhere. Remembers where this run's part of the file starts, so a startup failure can quote
/// the server's last words.
struct ServerLog: Sendable {
  /// nil: stderr goes to `/dev/null`.
  let path: String?
  private let startOffset: UInt64

  init(directory: String?, serverName: String) {
    guard let directory else {
      path = nil
      startOffset = 0
      return
    }
    let path = (directory as NSString).appendingPathComponent("mcp-\(MCPToolNaming.sanitized(serverName)).log")
    self.path = path
    let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.uint64Value
    startOffset = size ?? 0
  }

  /// The last non-empty line the server wrote to stderr in this run, cut to 300 characters.
  func lastLine() -> String? {
    guard let path, let handle = FileHandle(forReadingAtPath: path) else { return nil }
    defer { try? handle.close() }
    let end = (try? handle.seekToEnd()) ?? 0
    guard end > startOffset else { return nil }
    let from = max(startOffset, end > 4096 ? end - 4096 : 0)
    guard (try? handle.seek(toOffset: from)) != nil, let data = try? handle.readToEnd() else { return nil }
    let lines = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline)
    guard let last = lines.last(where: { !$0.allSatisfy(\.isWhitespace) }) else { return nil }
    let line = String(last).trimmingWhitespace()
    return line.count > 300 ? String(line.prefix(300)) + "…" : line
  }

  /// A sentence pointing at the log, with the server's last line: for startup problems.
  func hint() -> String {
    guard let path else { return "" }
    if let line = lastLine() { return " — its last message: \"\(line)\" (log: \(path))" }
    return " (log: \(path))"
  }
}
