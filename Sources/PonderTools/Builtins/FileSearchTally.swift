import PonderCore

/// The running tally of one search: matches so far, files read and skipped.
struct FileSearchTally {
  let maxMatches: Int
  let maxFiles: Int
  private(set) var lines: [String] = []
  private(set) var filesRead = 0
  private(set) var skippedBinary = 0
  var skippedLarge = 0
  private var truncated = false

  init(maxMatches: Int, maxFiles: Int) {
    self.maxMatches = maxMatches
    self.maxFiles = maxFiles
  }

  var isFull: Bool { lines.count >= maxMatches || filesRead >= maxFiles }

  mutating func scan(_ path: String, shownAs name: String, regex: Regex<AnyRegexOutput>, limit: Int) {
    guard let bytes = try? OpenFile.forReading(path, shownAs: name).readFully(upTo: limit) else { return }
    filesRead += 1
    let sample = Array(bytes.prefix(TextSniffer.sampleSize))
    guard !TextSniffer.isBinary(sample, isWholeFile: sample.count == bytes.count) else {
      skippedBinary += 1
      return
    }
    let text = String(decoding: bytes, as: UTF8.self)
    for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      guard line.firstMatch(of: regex) != nil else { continue }
      guard lines.count < maxMatches else {
        truncated = true
        return
      }
      let shown = line.count > 200 ? line.prefix(200) + "…" : line
      lines.append("\(name):\(number + 1): \(shown)")
    }
  }

  func report(pattern: String, maxFileBytes: Int) -> String {
    var notes: [String] = []
    if truncated || lines.count >= maxMatches { notes.append("stopped at \(maxMatches) matches") }
    if filesRead >= maxFiles { notes.append("stopped after reading \(maxFiles) files") }
    if skippedBinary > 0 { notes.append("\(skippedBinary) binary file(s) skipped") }
    if skippedLarge > 0 { notes.append("\(skippedLarge) file(s) over \(ByteSize.text(maxFileBytes)) skipped") }
    let footer = notes.isEmpty ? "" : "\n[search_files: " + notes.joined(separator: "; ") + "]"
    if lines.isEmpty { return "No matches for /\(pattern)/ in \(filesRead) file(s)." + footer }
    return lines.joined(separator: "\n") + footer
  }
}
