/// Where each key of a TOML text is written, so a warning about a key can name its line.
///
/// The TOML parser at the edge gives values without positions. The text has already been read by
/// that parser when this is used, so this only follows what places a key — `[table]` and
/// `[[array]]` headers, `key =` and `dotted.key =` lines, and multi-line strings to skip — and
/// judges nothing. A key it cannot place (inside an inline table) gets its nearest written
/// ancestor's line, which for an inline table is the same line.
public struct ConfigKeyLines: Sendable, Equatable {
  private var lineByPath: [[String]: Int] = [:]

  /// Places nothing: problems are reported without a line.
  public init() {}

  public init(_ text: String) {
    var table: [String] = []
    var openString: String?
    for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line = Substring(rawLine.drop { $0 == " " || $0 == "\t" })
      if let delimiter = openString {
        if Self.occurrences(of: delimiter, in: line) % 2 == 1 { openString = nil }
        continue
      }
      guard let first = line.first, first != "#" else { continue }
      if first == "[" {
        let isArray = line.hasPrefix("[[")
        // A header's key is followed by `]`; a nested array inside a multi-line array is not.
        guard let (path, rest) = Self.keyPath(in: line.dropFirst(isArray ? 2 : 1)), rest.first == "]" else { continue }
        table = path
        record(path, line: offset + 1)
        continue
      }
      guard let (path, rest) = Self.keyPath(in: line), rest.first == "=" else { continue }
      record(table + path, line: offset + 1)
      for delimiter in ["\"\"\"", "'''"] where Self.occurrences(of: delimiter, in: rest) % 2 == 1 {
        openString = delimiter
        break
      }
    }
  }

  /// The line of `path`, or of its nearest ancestor that is written; `nil` when none is.
  public func line(of path: [String]) -> Int? {
    var path = path
    while !path.isEmpty {
      if let line = lineByPath[path] { return line }
      path.removeLast()
    }
    return nil
  }

  private mutating func record(_ path: [String], line: Int) {
    if lineByPath[path] == nil { lineByPath[path] = line }
    // A dotted key or header also writes its parents (`a.b = 1` opens `a` there).
    for length in 1..<max(path.count, 1) where lineByPath[Array(path.prefix(length))] == nil {
      lineByPath[Array(path.prefix(length))] = line
    }
  }

  /// A dotted key at the start of `text` (bare, "quoted" or 'literal' parts) and what follows it,
  /// spaces skipped; `nil` when `text` does not start with a key.
  static func keyPath(in text: Substring) -> ([String], Substring)? {
    var rest = text
    var path: [String] = []
    while true {
      rest = rest.drop { $0 == " " || $0 == "\t" }
      guard let (part, after) = keyPart(in: rest) else { return nil }
      path.append(part)
      rest = after.drop { $0 == " " || $0 == "\t" }
      guard rest.first == "." else { return (path, rest) }
      rest = rest.dropFirst()
    }
  }

  private static func keyPart(in text: Substring) -> (String, Substring)? {
    guard let first = text.first else { return nil }
    if first == "\"" || first == "'" {
      var part = ""
      var index = text.index(after: text.startIndex)
      while index < text.endIndex {
        let character = text[index]
        if character == first { return (part, text[text.index(after: index)...]) }
        if character == "\\", first == "\"", text.index(after: index) < text.endIndex {
          index = text.index(after: index)
        }
        part.append(text[index])
        index = text.index(after: index)
      }
      return nil
    }
    let bare = text.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }
    return bare.isEmpty ? nil : (String(bare), text[bare.endIndex...])
  }

  private static func occurrences(of delimiter: String, in text: Substring) -> Int {
    var count = 0
    var rest = text
    while let range = rest.firstRange(of: delimiter) {
      count += 1
      rest = rest[range.upperBound...]
    }
    return count
  }
}
