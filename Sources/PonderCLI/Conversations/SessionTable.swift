import PonderCore

/// `ponder sessions` as aligned columns: id, updated, model, messages, title — and, for a
/// search, each conversation's best passage under it with the matches marked.
enum SessionTable {
  /// - Parameter terminal: matches are shown in reverse video on a terminal, between `[` `]` elsewhere.
  static func render(_ list: [ConversationSummary], terminal: Bool) -> String {
    let header = ["ID", "UPDATED", "MODEL", "MSGS", "TITLE"]
    let rows = list.map { entry in
      [
        String(entry.id), CalendarTime.dateTime(entry.updatedAt), entry.model, String(entry.messageCount),
        TerminalText.neutralised(entry.title).replacing("\n", with: " "),
      ]
    }
    var widths = header.map(\.count)
    for row in rows {
      for (index, cell) in row.enumerated() where index < 4 { widths[index] = max(widths[index], cell.count) }
    }
    func line(_ cells: [String]) -> String {
      cells.enumerated().map { index, cell in
        index == 4 ? cell : index == 0 || index == 3 ? pad(cell, widths[index], left: true) : pad(cell, widths[index])
      }.joined(separator: "  ")
    }
    var out = line(header) + "\n"
    for (row, entry) in zip(rows, list) {
      out += line(row) + "\n"
      if let snippet = entry.snippet {
        let indent = String(repeating: " ", count: widths[0] + 2)
        out += indent + highlighted(snippet, terminal: terminal) + "\n"
      }
    }
    return out
  }

  static func highlighted(_ snippet: String, terminal: Bool) -> String {
    ConversationSummary.Snippet.runs(snippet).map { run in
      let text = TerminalText.neutralised(run.text)
      guard run.isMatch else { return text }
      return terminal ? "\u{1B}[7m" + text + "\u{1B}[0m" : "[" + text + "]"
    }.joined()
  }

  private static func pad(_ text: String, _ width: Int, left: Bool = false) -> String {
    let fill = String(repeating: " ", count: max(0, width - text.count))
    return left ? fill + text : text + fill
  }
}
