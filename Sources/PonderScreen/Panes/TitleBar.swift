/// A pane's title row: `─ Title ───` with the focus shown, and a hint when scrolled back.
public enum TitleBar {
  public static func render(_ title: String, focused: Bool, note: String?, in area: Rect, into grid: inout CellGrid) {
    guard !area.isEmpty else { return }
    grid.fill(area, role: .border, with: "─")
    var x = grid.write("─ ", x: area.x, y: area.y, maxX: area.maxX, role: .border)
    x = grid.write(title, x: x, y: area.y, maxX: area.maxX, role: focused ? .titleFocused : .title)
    _ = grid.write(" ", x: x, y: area.y, maxX: area.maxX, role: .border)
    if let note {
      let text = " \(note) "
      let start = area.maxX - DisplayWidth.of(text) - 1
      if start > x + 2 { grid.write(text, x: start, y: area.y, maxX: area.maxX, role: .dim) }
    }
  }
}
