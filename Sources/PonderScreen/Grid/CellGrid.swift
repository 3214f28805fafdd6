/// The whole screen as plain data: every pane renders into one of these.
///
/// Nothing draws to the terminal directly: a frame is rendered into a fresh grid, compared with
/// the previous one (``changes(since:)``), and only the difference reaches the terminal adapter.
/// Tests render into a grid and compare ``lines`` with expected rows.
public struct CellGrid: Sendable, Equatable {
  public let width: Int
  public let height: Int
  public private(set) var cells: [Cell]
  /// The graphemes too long for a cell, which this grid's cells refer to by number.
  private(set) var longGraphemes = LongGraphemes()
  /// Where the terminal cursor should sit (the input caret or the stream's caret), if visible.
  public var cursor: (x: Int, y: Int)?
  /// What ``cursor`` stands for.
  public var cursorKind = CursorKind.input

  public init(width: Int, height: Int) {
    self.width = max(0, width)
    self.height = max(0, height)
    cells = Array(repeating: .blank, count: self.width * self.height)
  }

  public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

  public internal(set) subscript(x: Int, y: Int) -> Cell {
    get { cells[y * width + x] }
    set { cells[y * width + x] = newValue }
  }

  /// Fills `area` (clipped to the grid) with blanks of `role`.
  public mutating func fill(_ area: Rect, role: StyleRole = .normal, with grapheme: Character = " ") {
    let clipped = clip(area)
    guard !clipped.isEmpty else { return }
    let cell =
      grapheme == " " ? Cell(scalar: " ", role: role) : Cell(grapheme, width: 1, role: role, long: &longGraphemes)
    let width = self.width
    // The first row cell by cell, the others copied from it (a block copy, not a loop per cell).
    cells.withUnsafeMutableBufferPointer { cells in
      let first = cells.baseAddress! + clipped.y * width + clipped.x
      first.update(repeating: cell, count: clipped.width)
      for y in (clipped.y + 1)..<clipped.maxY {
        (cells.baseAddress! + y * width + clipped.x).update(from: first, count: clipped.width)
      }
    }
  }

  /// Writes `text` on row `y` from column `x`, clipped at `maxX`; returns the column after it.
  ///
  /// Text must already be sanitised (no control characters). A wide grapheme that would straddle
  /// the clip edge is replaced by a space, never split.
  @discardableResult
  public mutating func write(_ text: some StringProtocol, x: Int, y: Int, maxX: Int? = nil, role: StyleRole) -> Int {
    guard y >= 0, y < height else { return x }
    let limit = min(maxX ?? width, width)
    // The bytes are read in place, by offset (Swift's own strings always give their storage);
    // reading them through the string's index cost more than the writing.
    if let end = text.utf8.withContiguousStorageIfAvailable({
      write(text, bytes: $0, x: x, y: y, limit: limit, role: role)
    }) {
      return end
    }
    return write(text, bytes: Array(text.utf8), x: x, y: y, limit: limit, role: role)
  }

  /// ``write(_:x:y:maxX:role:)`` over `bytes`, the UTF-8 of `text`.
  ///
  /// Printable ASCII that is a grapheme by itself is one column wide: written byte by byte, with
  /// no grapheme breaking. Any other grapheme is read whole, and the bytes after it go byte by
  /// byte again: a title with one "·" costs one grapheme break, not one per character.
  private mutating func write<Bytes: RandomAccessCollection<UInt8>>(
    _ text: some StringProtocol, bytes: Bytes, x: Int, y: Int, limit: Int, role: StyleRole
  ) -> Int where Bytes.Index == Int {
    var column = x
    var offset = 0
    while offset < bytes.count {
      if let byte = DisplayWidth.loneASCII(in: bytes, at: offset), byte >= 0x20, byte < 0x7F {
        if column + 1 > limit { return limit }
        if column >= 0 { place(Cell(scalar: Unicode.Scalar(byte), role: role), width: 1, x: column, y: y) }
        column += 1
        offset += 1
        continue
      }
      if let (scalar, length) = DisplayWidth.loneScalar(in: bytes, at: offset) {
        offset += length
        let cellWidth = DisplayWidth.of(scalar)
        if cellWidth == 0 { continue }
        if column + cellWidth > limit {
          if column >= 0, column < limit { self[column, y] = Cell(scalar: " ", role: role) }
          return limit
        }
        if column >= 0 { put(scalar: scalar, width: cellWidth, x: column, y: y, role: role) }
        column += cellWidth
        continue
      }
      let utf8 = text.utf8
      let index = utf8.index(utf8.startIndex, offsetBy: offset)
      let grapheme = text[index]
      offset = utf8.distance(from: utf8.startIndex, to: text.index(after: index))
      let cellWidth = DisplayWidth.of(grapheme)
      if cellWidth == 0 { continue }
      if column + cellWidth > limit {
        if column >= 0, column < limit { self[column, y] = Cell(scalar: " ", role: role) }
        return limit
      }
      if column >= 0 { put(grapheme, width: cellWidth, x: column, y: y, role: role) }
      column += cellWidth
    }
    return column
  }

  /// Writes one grapheme of known width.
  public mutating func put(_ grapheme: Character, width cellWidth: Int, x: Int, y: Int, role: StyleRole) {
    guard x >= 0, y >= 0, y < height, x + cellWidth <= width else { return }
    place(Cell(grapheme, width: UInt8(cellWidth), role: role, long: &longGraphemes), width: cellWidth, x: x, y: y)
  }

  /// Writes one scalar that is a grapheme by itself, of known width.
  public mutating func put(scalar: Unicode.Scalar, width cellWidth: Int, x: Int, y: Int, role: StyleRole) {
    guard x >= 0, y >= 0, y < height, x + cellWidth <= width else { return }
    place(Cell(scalar: scalar, width: UInt8(cellWidth), role: role), width: cellWidth, x: x, y: y)
  }

  /// Puts `cell` at a place already checked to hold it, keeping wide graphemes around it whole.
  private mutating func place(_ cell: Cell, width cellWidth: Int, x: Int, y: Int) {
    let role = cell.role
    // Overwriting half of a wide grapheme must blank its other half.
    if self[x, y].width == 0, x > 0 { self[x - 1, y] = Cell(scalar: " ", role: self[x - 1, y].role) }
    if cellWidth == 1, self[x, y].width == 2, x + 1 < width { self[x + 1, y] = Cell(scalar: " ", role: role) }
    self[x, y] = cell
    if cellWidth == 2 {
      if x + 2 < width, self[x + 1, y].width == 2 { self[x + 2, y] = Cell(scalar: " ", role: role) }
      self[x + 1, y] = Cell(scalar: " ", width: 0, role: role)
    }
  }

  /// Changes the role of cells in `area` (for highlights drawn over text).
  public mutating func restyle(_ area: Rect, role: StyleRole) {
    let clipped = clip(area)
    guard !clipped.isEmpty else { return }
    for y in clipped.y..<clipped.maxY {
      for x in clipped.x..<clipped.maxX { self[x, y].role = role }
    }
  }

  /// The rows as strings, continuation cells omitted: what a person would read.
  public var lines: [String] {
    (0..<height).map { row in
      var line = ""
      for column in 0..<width where self[column, row].width != 0 { line.append(grapheme(of: self[column, row])) }
      return line
    }
  }

  /// One row's roles, one character per cell, for asserting styles in tests.
  public func roles(row: Int) -> [StyleRole] { (0..<width).map { self[$0, row].role } }

  func clip(_ area: Rect) -> Rect {
    let x0 = max(0, area.x)
    let y0 = max(0, area.y)
    let x1 = min(width, area.maxX)
    let y1 = min(height, area.maxY)
    return Rect(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
  }

  public static func == (lhs: CellGrid, rhs: CellGrid) -> Bool {
    lhs.width == rhs.width && lhs.height == rhs.height
      && lhs.cells.indices.allSatisfy { lhs.showsSame(at: $0, as: rhs) }
      && lhs.cursor?.x == rhs.cursor?.x && lhs.cursor?.y == rhs.cursor?.y && lhs.cursorKind == rhs.cursorKind
  }
}
