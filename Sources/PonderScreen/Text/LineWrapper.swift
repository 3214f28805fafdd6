/// Word-wraps a line by display width: breaks after spaces, hard-breaks words longer than a row,
/// never splits a grapheme, and counts wide characters as two columns.
public enum LineWrapper {
  public static func wrap(_ text: String, width: Int, reserve: Int = 0) -> [WrappedRow] {
    let limit = max(1, width)
    var rows: [WrappedRow] = []
    var rowStart = text.startIndex
    var rowStartOffset = 0
    var rowWidth = 0
    var offset = 0
    // The last break opportunity in the current row: after a space.
    var breakIndex: String.Index?
    var breakOffset = 0
    var breakWidth = 0
    /// Ends the current row at `end`, `endOffset` graphemes in and `width` columns wide; the next
    /// row starts there with what is left of the width.
    func endRow(at end: String.Index, offset endOffset: Int, width: Int) {
      rows.append(
        WrappedRow(
          start: rowStart, end: end, startOffset: rowStartOffset, graphemeCount: endOffset - rowStartOffset,
          width: width))
      rowStart = end
      rowStartOffset = endOffset
      rowWidth -= width
    }
    let utf8 = text.utf8
    var index = text.startIndex
    while index < text.endIndex {
      // ASCII that is a grapheme by itself is read as a byte, with no grapheme breaking; the rest
      // grapheme by grapheme.
      let next: String.Index
      let cellWidth: Int
      let isSpace: Bool
      if let byte = DisplayWidth.loneASCII(in: utf8, at: index) {
        next = utf8.index(after: index)
        cellWidth = DisplayWidth.of(ascii: byte)
        isSpace = byte == 0x20
      } else {
        let grapheme = text[index]
        next = text.index(after: index)
        cellWidth = DisplayWidth.of(grapheme)
        isSpace = grapheme == " "
      }
      if rowWidth + cellWidth > limit, rowWidth > 0 {
        if isSpace {
          // A space that overflows ends the row; it is not drawn at the start of the next one.
          endRow(at: index, offset: offset, width: rowWidth)
          index = next
          offset += 1
          rowStart = index
          rowStartOffset = offset
          breakIndex = nil
          continue
        }
        if let breakAt = breakIndex, breakAt > rowStart {
          endRow(at: breakAt, offset: breakOffset, width: breakWidth)
        } else {
          endRow(at: index, offset: offset, width: rowWidth)
        }
        breakIndex = nil
      }
      rowWidth += cellWidth
      index = next
      offset += 1
      if isSpace {
        breakIndex = index
        breakOffset = offset
        breakWidth = rowWidth
      }
    }
    // Room for a trailing cursor cell, so the cursor never sits past the edge: the cursor gets
    // an empty row of its own.
    if reserve > 0, rowWidth + reserve > limit, rowWidth > 0 {
      endRow(at: text.endIndex, offset: offset, width: rowWidth)
    }
    endRow(at: text.endIndex, offset: offset, width: rowWidth)
    return rows
  }
}
