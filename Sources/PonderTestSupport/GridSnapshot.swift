import Foundation
import PonderScreen

/// Text snapshots of a rendered grid, stored beside the test in `Snapshots/NAME.txt`.
///
/// A missing snapshot (or `RECORD_SNAPSHOTS=1`) is written and reported as a failure, so no
/// baseline is ever accepted silently. The file shows each row between `|` marks, then one
/// character per cell naming its style role, so both text and styling are checked, then where the
/// terminal cursor is and whether it is the input's or the stream's caret.
public enum GridSnapshot {
  public enum Outcome: Equatable {
    case matched
    case recorded(path: String)
    case mismatched(diff: String)
  }

  public static func text(of grid: CellGrid) -> String {
    var out = grid.lines.map { "|\($0)|" }.joined(separator: "\n")
    out += "\n--- roles ---\n"
    out += (0..<grid.height).map { row in String(grid.roles(row: row).map(code)) }.joined(separator: "\n")
    if let cursor = grid.cursor {
      let name = grid.cursorKind == .streamCaret ? "stream caret" : "cursor"
      out += "\n--- \(name) \(cursor.x),\(cursor.y) ---"
    }
    return out + "\n"
  }

  /// The letter a role is written as: fixed per role, so adding a role never rewrites the
  /// snapshots of the others (a new role needs a letter no other role uses; a test checks).
  public static func code(_ role: StyleRole) -> Character {
    switch role {
    case .normal: "."
    case .header: "b"
    case .headerAccent: "c"
    case .title: "d"
    case .titleFocused: "e"
    case .border: "f"
    case .dim: "g"
    case .logTime: "h"
    case .logRequest: "i"
    case .logModel: "j"
    case .logFirstToken: "k"
    case .logThinking: "l"
    case .logTool: "m"
    case .logResult: "n"
    case .logRetry: "o"
    case .logError: "p"
    case .logDone: "q"
    case .reasoning: "r"
    case .cursor: "s"
    case .statusBar: "t"
    case .statusPaused: "u"
    case .answer: "v"
    case .userLabel: "w"
    case .userText: "x"
    case .assistantLabel: "y"
    case .bold: "z"
    case .heading: "A"
    case .code: "B"
    case .codeLabel: "C"
    case .listBullet: "D"
    case .notice: "E"
    case .error: "F"
    case .searchMatch: "G"
    case .searchCurrent: "H"
    case .inputPrompt: "I"
    case .input: "J"
    case .inputPlaceholder: "K"
    case .footer: "L"
    case .footerKey: "M"
    case .overlay: "N"
    case .overlayTitle: "O"
    case .overlaySelected: "P"
    }
  }

  public static func compare(_ grid: CellGrid, named name: String, besides file: String) -> Outcome {
    let directory = URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent("Snapshots")
    let url = directory.appendingPathComponent("\(name).txt")
    let actual = text(of: grid)
    let record = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"
    guard !record, let data = FileManager.default.contents(atPath: url.path) else {
      try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      try? actual.write(to: url, atomically: true, encoding: .utf8)
      return .recorded(path: url.path)
    }
    let expected = String(decoding: data, as: UTF8.self)
    guard expected != actual else { return .matched }
    let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
    var diff: [String] = []
    for index in 0..<max(expectedLines.count, actualLines.count) {
      let old = index < expectedLines.count ? String(expectedLines[index]) : ""
      let new = index < actualLines.count ? String(actualLines[index]) : ""
      if old != new { diff.append("- \(old)\n+ \(new)") }
    }
    return .mismatched(diff: diff.prefix(12).joined(separator: "\n"))
  }
}
