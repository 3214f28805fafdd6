import PonderCore

/// Picks lines `start...end` out of a stream of chunks, up to a byte cap, and writes the note that
/// tells the model what it got when that is not simply the whole request.
struct LineSelection {
  let start: Int
  let end: Int?
  let maxOutputBytes: Int
  private(set) var output: [UInt8] = []
  /// The line the next byte belongs to (1-based).
  private(set) var line = 1
  private(set) var cut = false
  private var reachedEnd = false
  private var endsWithNewline = false

  init(start: Int, end: Int?, maxOutputBytes: Int) {
    self.start = start
    self.end = end
    self.maxOutputBytes = maxOutputBytes
  }

  var isComplete: Bool { cut || reachedEnd }

  mutating func consume(_ chunk: [UInt8]) {
    if let last = chunk.last { endsWithNewline = last == 0x0A }
    var index = chunk.startIndex
    while index < chunk.endIndex, !isComplete {
      let newline = chunk[index...].firstIndex(of: 0x0A)
      let lineEnd = newline.map { $0 + 1 } ?? chunk.endIndex
      if line >= start {
        let room = maxOutputBytes - output.count
        if lineEnd - index > room {
          output += chunk[index..<(index + room)]
          cut = true
          return
        }
        output += chunk[index..<lineEnd]
      }
      index = lineEnd
      if newline != nil {
        line += 1
        if let end, line > end { reachedEnd = true }
      }
    }
  }

  /// The selected text, followed by a note when it was cut, stopped early or found nothing.
  func text(path: String, fileSize: Int64, scanned: Int, hitScanLimit: Bool) -> String {
    let body = String(decoding: output, as: UTF8.self)
    let size = ByteSize.text(fileSize)
    if cut {
      let complete = line - 1 >= start ? "lines \(start)-\(line - 1) are complete" : "line \(line) is longer than that"
      return body
        + "\n[read_file: output cut at \(ByteSize.text(maxOutputBytes)) (\(path) is \(size)); \(complete); "
        + "call read_file with start_line=\(line) to read on]"
    }
    if hitScanLimit, !reachedEnd {
      let scannedText = ByteSize.text(scanned)
      if output.isEmpty {
        return "[read_file: stopped after scanning \(scannedText) of \(path) (\(size)) without reaching line \(start)]"
      }
      return body + "\n[read_file: stopped after scanning \(scannedText) of \(path) (\(size)); the rest was not read]"
    }
    if output.isEmpty {
      if fileSize == 0 { return "[read_file: \(path) is empty]" }
      let lines = endsWithNewline ? line - 1 : line
      return "[read_file: \(path) has \(lines) line(s); there is nothing from line \(start) on]"
    }
    return body
  }
}
