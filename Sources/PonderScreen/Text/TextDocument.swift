/// The content of one pane: logical lines plus a wrap cache keyed by width.
///
/// Only the last line grows while a response streams, so after the first layout at a width the
/// cost of a frame is the rows on screen plus the last line — it does not grow with the length
/// of the conversation. Row counts are kept as prefix sums for scrolling by row.
///
/// - Note: A reference type so the cache survives across frames; owned by one `AppState`.
public final class TextDocument: @unchecked Sendable {
  public private(set) var lines: [TextLine] = []
  /// Whether the last line still receives appended text.
  public private(set) var lastLineOpen = false
  /// Keep at most this many lines (oldest dropped), for the log.
  public let maxLines: Int?
  /// Reserve a cell after the last line for the streaming cursor.
  public var reserveCursorCell = false {
    didSet { if oldValue != reserveCursorCell, !lines.isEmpty { invalidate(from: lines.count - 1) } }
  }

  /// Markdown state before each line (used only by markdown lines).
  private var markdownBefore: [MarkdownStyler.State] = []
  private var cachedWidth = -1
  private var rowCounts: [Int] = []
  /// prefixRows[i] = rows of lines[0..<i]; valid for i < validPrefix.
  private var prefixRows: [Int] = [0]
  private var validPrefix = 1
  private var rowCache: [Int: [WrappedRow]] = [:]

  public init(maxLines: Int? = nil) {
    self.maxLines = maxLines
  }

  public var isEmpty: Bool { lines.isEmpty }

  // MARK: - Writing

  /// Appends streamed text: extends the open last line, and starts a new line at each newline.
  public func append(_ text: String, kind: LineKind, role: StyleRole) {
    let clean = Sanitizer.clean(text)
    var first = true
    for piece in clean.split(separator: "\n", omittingEmptySubsequences: false) {
      if !first { lastLineOpen = false }
      if first, lastLineOpen, let last = lines.last, last.kind == kind {
        if !piece.isEmpty { growLast(by: piece) }
      } else if !first || !piece.isEmpty || !lastLineOpen {
        startLine(TextLine(kind: kind, source: String(piece), baseRole: role))
      }
      lastLineOpen = true
      first = false
    }
  }

  /// Appends a finished line.
  public func appendLine(
    _ text: String, kind: LineKind = .plain(.normal), role: StyleRole = .normal, spans: [StyleSpan] = []
  ) {
    for piece in Sanitizer.clean(text).split(separator: "\n", omittingEmptySubsequences: false) {
      startLine(TextLine(kind: kind, source: String(piece), spans: spans, baseRole: role))
      lastLineOpen = false
    }
  }

  /// Ends the open line, so the next append starts a new one. An empty open line is removed.
  public func closeLine() {
    if lastLineOpen, let last = lines.last, last.source.isEmpty {
      lines.removeLast()
      markdownBefore.removeLast()
      invalidate(from: lines.count)
    }
    lastLineOpen = false
  }

  /// Removes every line.
  public func removeAll() {
    lines.removeAll()
    markdownBefore.removeAll()
    lastLineOpen = false
    invalidate(from: 0)
  }

  private func startLine(_ line: TextLine) {
    // A markdown line continues the fence state of the markdown line before it; a new answer
    // (after non-markdown lines) starts fresh, so code blocks are numbered per answer.
    var before = MarkdownStyler.State()
    if line.kind == .markdown, let previous = lines.last, previous.kind == .markdown {
      before = markdownBefore[markdownBefore.count - 1]
      _ = MarkdownStyler.style(previous.source, state: &before)
    }
    markdownBefore.append(before)
    var styled = line
    Self.restyle(&styled, state: before)
    lines.append(styled)
    invalidate(from: lines.count - 1)
    if let maxLines, lines.count > maxLines + maxLines / 4 { dropOldest(lines.count - maxLines) }
  }

  /// Appends to the open line in place (the line is not copied) and restyles only what the new
  /// text can change: plain text is appended to the display, markdown is restyled from the
  /// line's resume point.
  private func growLast(by piece: Substring) {
    let index = lines.count - 1
    lines[index].source += piece
    switch lines[index].kind {
    case .markdown: MarkdownStyler.restyleGrown(&lines[index], state: markdownBefore[index])
    case .plain: lines[index].replaceDisplay(fromUTF8Offset: lines[index].display.utf8.count, with: String(piece))
    case .styled: break
    }
    invalidate(from: index)
  }

  private static func restyle(_ line: inout TextLine, state: MarkdownStyler.State) {
    guard line.kind == .markdown else {
      if line.kind != .styled { line.display = line.source }
      return
    }
    line.styledThrough = nil
    MarkdownStyler.restyleGrown(&line, state: state)
  }

  private func dropOldest(_ count: Int) {
    lines.removeFirst(count)
    markdownBefore.removeFirst(count)
    cachedWidth = -1
  }

  // MARK: - Layout

  private func invalidate(from index: Int) {
    guard cachedWidth >= 0 else { return }
    if rowCounts.count > index { rowCounts.removeSubrange(index...) }
    // Only lines at or after `index` change (normally just the last one): drop those entries
    // without scanning the whole cache, so appending costs the same in a long conversation.
    for key in index...(index + 1) { rowCache[key] = nil }
    if index < lines.count - 1 { rowCache = rowCache.filter { $0.key < index } }
    validPrefix = min(validPrefix, index + 1)
  }

  private func prepare(width: Int) {
    guard width != cachedWidth else { return }
    cachedWidth = width
    rowCounts.removeAll(keepingCapacity: true)
    rowCache.removeAll(keepingCapacity: true)
    prefixRows = [0]
    validPrefix = 1
  }

  /// The wrapped rows of line `index` at `width`.
  public func rows(ofLine index: Int, width: Int) -> [WrappedRow] {
    prepare(width: width)
    if let cached = rowCache[index] { return cached }
    let reserve = reserveCursorCell && index == lines.count - 1 ? 1 : 0
    let rows = LineWrapper.wrap(lines[index].display, width: width, reserve: reserve)
    if rowCache.count > 4096 { rowCache.removeAll(keepingCapacity: true) }
    rowCache[index] = rows
    return rows
  }

  private func rowCount(ofLine index: Int, width: Int) -> Int {
    while rowCounts.count <= index { rowCounts.append(rows(ofLine: rowCounts.count, width: width).count) }
    return rowCounts[index]
  }

  private func ensurePrefix(through count: Int, width: Int) {
    prepare(width: width)
    if prefixRows.count > validPrefix { prefixRows.removeSubrange(validPrefix...) }
    while prefixRows.count <= count {
      let index = prefixRows.count - 1
      prefixRows.append(prefixRows[index] + rowCount(ofLine: index, width: width))
    }
    validPrefix = max(validPrefix, prefixRows.count)
  }

  /// Rows of every line at `width`.
  public func totalRows(width: Int) -> Int {
    ensurePrefix(through: lines.count, width: width)
    return prefixRows[lines.count]
  }

  /// The first row of line `index` at `width`.
  public func firstRow(ofLine index: Int, width: Int) -> Int {
    ensurePrefix(through: min(index, lines.count), width: width)
    return prefixRows[min(index, lines.count)]
  }

  /// The line and row-within-line that hold absolute row `row`.
  public func locate(row: Int, width: Int) -> (line: Int, rowInLine: Int) {
    let total = totalRows(width: width)
    guard total > 0 else { return (0, 0) }
    let target = min(max(0, row), total - 1)
    var low = 0
    var high = lines.count - 1
    while low < high {
      let middle = (low + high + 1) / 2
      if prefixRows[middle] <= target { low = middle } else { high = middle - 1 }
    }
    return (low, target - prefixRows[low])
  }

  /// The text of every line joined with newlines (for copy).
  public var sourceText: String { lines.map(\.source).joined(separator: "\n") }
}
