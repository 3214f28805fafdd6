import CNCurses
import PonderScreen

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Turns a cell's grapheme into the NUL-terminated `wchar_t` string `setcchar` takes, such that
/// ncurses' width for it is the width the grid gave the cell.
///
/// Only the base scalar and true combining marks (at most four) fit in an ncurses cell:
/// variation selectors, emoji modifiers and everything after a zero-width joiner would count as
/// extra columns or be refused. A flag (two regional indicators, one column each for the C
/// library) is written as its two halves, one per column. Any other base whose `wcwidth`
/// disagrees with the cell (an emoji newer than the C library, say) becomes `?`, followed by a
/// space when the cell is wide, so the columns after it stay where the grid says. Such a cell
/// is a placeholder: ``needsOverlay(_:in:)`` says so, and ``GraphemeOverlay`` writes the whole
/// cluster over it.
struct CellText {
  private var buffer: [wchar_t] = []
  /// Column widths as the C library (and so ncurses) sees them; replaceable in tests.
  var columnWidth: (UInt32) -> Int32 = { ponder_wcwidth($0) }

  static let maxCombining = 4

  /// Calls `body` with the text for `cell`, a cell of `grid`, and what, if anything, must be
  /// written in the next column (the continuation cell) for ncurses to see the right width.
  mutating func withText<R>(
    for cell: Cell, in grid: CellGrid, _ body: (UnsafePointer<wchar_t>?, _ next: wchar_t?) -> R
  ) -> R {
    let next = fill(cell, in: grid)
    return buffer.withUnsafeBufferPointer { body($0.baseAddress, next) }
  }

  /// The scalars that would be written for `cell`, and for the column after it; for tests.
  mutating func scalars(for cell: Cell, in grid: CellGrid) -> (scalars: [UInt32], next: UInt32?) {
    let next = fill(cell, in: grid)
    return (buffer.dropLast().map { UInt32(bitPattern: $0) }, next.map { UInt32(bitPattern: $0) })
  }

  static let space: wchar_t = 0x20

  private mutating func fill(_ cell: Cell, in grid: CellGrid) -> wchar_t? {
    buffer.removeAll(keepingCapacity: true)
    if cell.isPlainASCII {
      buffer.append(wchar_t(cell.base.value))
      buffer.append(0)
      return nil
    }
    let scalars = grid.scalars(of: cell)
    guard let base = scalars.first else {
      buffer.append(Self.space)
      buffer.append(0)
      return nil
    }
    if base.isASCII, scalars.count == 1 {
      buffer.append(wchar_t(base.value))
      buffer.append(0)
      return nil
    }
    if columnWidth(base.value) != Int32(cell.width) {
      if let flagHalf = Self.secondRegionalIndicator(of: scalars, cellWidth: cell.width),
        columnWidth(base.value) == 1, columnWidth(flagHalf.value) == 1
      {
        buffer.append(wchar_t(bitPattern: base.value))
        buffer.append(0)
        return wchar_t(bitPattern: flagHalf.value)
      }
      buffer.append(wchar_t(UInt8(ascii: "?")))
      buffer.append(0)
      return cell.width == 2 ? Self.space : nil
    }
    buffer.append(wchar_t(bitPattern: base.value))
    for scalar in scalars.dropFirst() {
      if scalar.value == 0x200D || buffer.count > Self.maxCombining { break }
      if Self.isCombiningMark(scalar), columnWidth(scalar.value) == 0 {
        buffer.append(wchar_t(bitPattern: scalar.value))
      }
    }
    buffer.append(0)
    return nil
  }

  /// Whether ncurses cannot show `cell` as it is (the text it gets is a placeholder of the right
  /// width): a cluster with a skin tone, a joiner, a variation selector or more marks than fit,
  /// or a character whose width the C library does not know as the grid does.
  func needsOverlay(_ cell: Cell, in grid: CellGrid) -> Bool {
    if cell.isPlainASCII || cell.width == 0 { return false }
    if cell.isSingleScalar { return columnWidth(cell.base.value) != Int32(cell.width) }
    let scalars = grid.scalars(of: cell)
    guard let base = scalars.first else { return false }
    if Self.secondRegionalIndicator(of: scalars, cellWidth: cell.width) != nil { return false }
    if columnWidth(base.value) != Int32(cell.width) { return true }
    let marks = scalars.dropFirst()
    return marks.count > Self.maxCombining
      || marks.contains { !Self.isCombiningMark($0) || columnWidth($0.value) != 0 }
  }

  /// How many columns a terminal that measures each character alone (as `wcwidth` does) gives
  /// `cell`'s cluster: what an older terminal may cover when the cluster is written whole.
  func characterByCharacterWidth(of cell: Cell, in grid: CellGrid) -> Int {
    grid.scalars(of: cell).reduce(0) { $0 + max(0, Int(columnWidth($1.value))) }
  }

  /// The second half of a flag in a wide cell whose first half is one column wide.
  private static func secondRegionalIndicator(
    of scalars: [Unicode.Scalar], cellWidth: UInt8
  ) -> Unicode.Scalar? {
    let regional: ClosedRange<UInt32> = 0x1F1E6...0x1F1FF
    var iterator = scalars.makeIterator()
    guard cellWidth == 2, let first = iterator.next(), regional.contains(first.value), let second = iterator.next(),
      regional.contains(second.value), iterator.next() == nil
    else { return nil }
    return second
  }

  /// Nonspacing and enclosing marks; variation selectors are nonspacing marks but are excluded.
  static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    if (0xFE00...0xFE0F).contains(value) || (0xE0100...0xE01EF).contains(value) { return false }
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark: return true
    default: return false
    }
  }
}
