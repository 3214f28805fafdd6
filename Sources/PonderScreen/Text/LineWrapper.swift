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
    var index = text.startIndex
    while index < text.endIndex {
      let grapheme = text[index]
      let cellWidth = DisplayWidth.of(grapheme)
      if rowWidth + cellWidth > limit, rowWidth > 0, grapheme == " " {
        // A space that overflows ends the row; it is not drawn at the start of the next one.
        rows.append(
          WrappedRow(
            start: rowStart, end: index, startOffset: rowStartOffset, graphemeCount: offset - rowStartOffset,
            width: rowWidth))
        index = text.index(after: index)
        offset += 1
        rowStart = index
        rowStartOffset = offset
        rowWidth = 0
        breakIndex = nil
        continue
      }
      if rowWidth + cellWidth > limit, rowWidth > 0 {
        if let breakAt = breakIndex, breakAt > rowStart {
          rows.append(
            WrappedRow(
              start: rowStart, end: breakAt, startOffset: rowStartOffset, graphemeCount: breakOffset - rowStartOffset,
              width: breakWidth))
          rowStart = breakAt
          rowStartOffset = breakOffset
          rowWidth -= breakWidth
        } else {
          rows.append(
            WrappedRow(
              start: rowStart, end: index, startOffset: rowStartOffset, graphemeCount: offset - rowStartOffset,
              width: rowWidth))
          rowStart = index
          rowStartOffset = offset
          rowWidth = 0
        }
        breakIndex = nil
      }
      rowWidth += cellWidth
      index = text.index(after: index)
      offset += 1
      if grapheme == " " {
        breakIndex = index
        breakOffset = offset
        breakWidth = rowWidth
      }
    }
    // Room for a trailing cursor cell, so the cursor never sits past the edge.
    if reserve > 0, rowWidth + reserve > limit, rowWidth > 0 {
      rows.append(
        WrappedRow(
          start: rowStart, end: text.endIndex, startOffset: rowStartOffset, graphemeCount: offset - rowStartOffset,
          width: rowWidth))
      rows.append(WrappedRow(start: text.endIndex, end: text.endIndex, startOffset: offset, graphemeCount: 0, width: 0))
      return rows
    }
    rows.append(
      WrappedRow(
        start: rowStart, end: text.endIndex, startOffset: rowStartOffset, graphemeCount: offset - rowStartOffset,
        width: rowWidth))
    return rows
  }
}
