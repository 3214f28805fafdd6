/// Changes one setting in the text of a config file, keeping everything else as the user wrote it
/// (comments, order, blank lines).
///
/// Used when the user answers "always allow" to a tool: the choice is saved as
/// `always_allow = [...]` under `[tools]`. Pure text in, text out; the caller reads and writes the
/// file.
public enum ConfigEditor {
  /// `text` with `key` in `section` (empty for the top level) set to a string array. Replaces the
  /// key's line when it exists, else adds it at the end of the section, else adds the section.
  public static func setting(_ key: String, to values: [String], inSection section: String, of text: String) -> String {
    let rendered = "\(key) = [" + values.map { JSONValue.string($0).serialized }.joined(separator: ", ") + "]"
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if lines.last == "" { lines.removeLast() }
    var current = ""
    var sectionEnd: Int?
    for (index, line) in lines.enumerated() {
      let trimmed = line.trimmingWhitespace()
      if trimmed.hasPrefix("["), trimmed.hasSuffix("]") {
        if current == section, sectionEnd == nil { sectionEnd = index }
        current = String(trimmed.dropFirst().dropLast()).trimmingWhitespace()
        continue
      }
      guard current == section, let equals = trimmed.firstIndex(of: "=") else { continue }
      if trimmed[..<equals].trimmingWhitespace() == key {
        lines[index] = rendered
        return lines.joined(separator: "\n") + "\n"
      }
    }
    if current == section, sectionEnd == nil { sectionEnd = lines.count }
    if let end = sectionEnd {
      // After the section's last non-blank line, so a blank separator line stays a separator.
      var insertAt = end
      while insertAt > 0, lines[insertAt - 1].trimmingWhitespace().isEmpty { insertAt -= 1 }
      lines.insert(rendered, at: insertAt)
    } else {
      if let last = lines.last, !last.trimmingWhitespace().isEmpty { lines.append("") }
      lines.append("[\(section)]")
      lines.append(rendered)
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
