/// A full-width band of rows that shows a window onto a scrolling document.
///
/// When the next frame shows the same pane over the same rows a few document rows further down,
/// the terminal can scroll the band and write only the rows that came free, instead of
/// repainting it. ncurses finds such scrolls itself only when lines are unique, so an answer
/// with repeated lines (a table, a list of blanks) would otherwise be redrawn whole each time.
public struct ScrollRegion: Sendable, Equatable {
  public var pane: Pane
  /// The screen rows of the band.
  public var rows: Range<Int>
  /// The document row shown on the band's first row.
  public var top: Int

  public init(pane: Pane, rows: Range<Int>, top: Int) {
    self.pane = pane
    self.rows = rows
    self.top = top
  }
}

extension CellGrid {
  /// A band of rows to move up by `count` rows.
  public struct Scroll: Sendable, Equatable {
    public var rows: Range<Int>
    public var count: Int
    public init(rows: Range<Int>, count: Int) {
      self.rows = rows
      self.count = count
    }
  }

  /// The bands that scrolled up since `previous`: the same pane over the same rows, its first
  /// shown row further down by less than the band's height.
  public func scrolls(since previous: CellGrid?) -> [Scroll] {
    guard let previous, previous.width == width, previous.height == height else { return [] }
    return scrollRegions.compactMap { region in
      guard let before = previous.scrollRegions.first(where: { $0.pane == region.pane && $0.rows == region.rows })
      else { return nil }
      let count = region.top - before.top
      return count > 0 && count < region.rows.count ? Scroll(rows: region.rows, count: count) : nil
    }
  }

  /// This grid as the terminal shows it after `scroll`: the band's rows moved up, and the rows
  /// that came free filled with a cell no frame contains, so all of them are written again.
  public func scrolled(_ scroll: Scroll) -> CellGrid {
    var moved = self
    let keep = scroll.rows.count - scroll.count
    for offset in 0..<scroll.rows.count {
      let row = scroll.rows.lowerBound + offset
      for column in 0..<width {
        moved[column, row] = offset < keep ? self[column, row + scroll.count] : Self.unknown
      }
    }
    return moved
  }

  /// A cell that never appears in a rendered frame (no grapheme is 3 cells wide).
  static let unknown = Cell(" ", width: 3, role: .normal)
}
