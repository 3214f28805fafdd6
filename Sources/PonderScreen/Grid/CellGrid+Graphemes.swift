extension CellGrid {
  /// The scalars of the grapheme in `cell`, a cell of this grid, base first (allocates; not for
  /// ASCII cells in the frame loop).
  public func scalars(of cell: Cell) -> [Unicode.Scalar] {
    guard let number = cell.longNumber else { return cell.inlineScalars }
    return Array(longGraphemes.grapheme(numbered: number).unicodeScalars)
  }

  /// The grapheme in `cell`, a cell of this grid (allocates; for the adapter and tests, not the
  /// frame loop).
  public func grapheme(of cell: Cell) -> Character {
    if cell.isSingleScalar { return Character(cell.base) }
    var text = String.UnicodeScalarView()
    text.append(contentsOf: scalars(of: cell))
    return Character(String(text))
  }

  /// Whether the cell at `index` shows what `other`'s cell at `index` shows. Cells of long
  /// graphemes are compared by their text: each grid numbers its own.
  func showsSame(at index: Int, as other: CellGrid) -> Bool {
    let cell = cells[index]
    let otherCell = other.cells[index]
    guard let number = cell.longNumber, let otherNumber = otherCell.longNumber else { return cell == otherCell }
    return cell.base == otherCell.base && cell.width == otherCell.width && cell.role == otherCell.role
      && longGraphemes.grapheme(numbered: number).unicodeScalars.elementsEqual(
        other.longGraphemes.grapheme(numbered: otherNumber).unicodeScalars)
  }
}
