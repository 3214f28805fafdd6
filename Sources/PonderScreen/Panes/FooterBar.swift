/// The bottom line: the main keys, as many as fit. A narrow line drops the least important
/// hints first and always keeps F1 (help) and the quit key.
public enum FooterBar {
  /// A key, what it does, and how readily it is dropped (higher goes first; 0 never).
  struct Hint: Equatable {
    var key: String
    var label: String
    var rank: Int
    var width: Int { DisplayWidth.of(key) + DisplayWidth.of(label) + 3 }
  }

  static func hints(zoomed: Bool) -> [Hint] {
    [
      Hint(key: "Enter", label: "send", rank: 2), Hint(key: "^C", label: "cancel", rank: 3),
      Hint(key: "^P", label: "pause", rank: 5), Hint(key: "^Y", label: "copy", rank: 6),
      Hint(key: "Tab", label: "focus", rank: 7), Hint(key: "^F", label: "search", rank: 9),
      Hint(key: "F2/F3", label: "panes", rank: 10), Hint(key: "F4", label: "model", rank: 8),
      Hint(key: "F6", label: zoomed ? "unzoom" : "zoom", rank: zoomed ? 1 : 4),
      Hint(key: "F1", label: "help", rank: 0), Hint(key: "^Q", label: "quit", rank: 0),
    ]
  }

  /// The hints that fit in `width` columns, in their order.
  static func fitting(width: Int, zoomed: Bool) -> [Hint] {
    var shown = hints(zoomed: zoomed)
    while shown.reduce(1, { $0 + $1.width }) > width + 2,
      let drop = shown.indices.max(by: { shown[$0].rank < shown[$1].rank }),
      shown[drop].rank > 0
    {
      shown.remove(at: drop)
    }
    return shown
  }

  public static func render(_ state: AppState, in area: Rect, into grid: inout CellGrid) {
    grid.fill(area, role: .footer)
    var x = area.x + 1
    for hint in fitting(width: area.width, zoomed: state.zoomed != nil) {
      x = grid.write(hint.key, x: x, y: area.y, maxX: area.maxX, role: .footerKey)
      x = grid.write(" \(hint.label)  ", x: x, y: area.y, maxX: area.maxX, role: .footer)
    }
  }
}
