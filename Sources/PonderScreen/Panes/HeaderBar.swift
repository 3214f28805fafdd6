/// The top line: app, model, server and connection state.
public enum HeaderBar {
  public static func render(_ state: AppState, in area: Rect, into grid: inout CellGrid) {
    grid.fill(area, role: .header)
    var x = grid.write(" ponder ", x: area.x, y: area.y, maxX: area.maxX, role: .headerAccent)
    x = grid.write(
      "· \(state.model ?? "no model") · \(state.hostLabel)", x: x, y: area.y, maxX: area.maxX, role: .header)
    let connection = " ● \(state.connectionLabel) "
    let start = area.maxX - DisplayWidth.of(connection)
    if start > x + 1 { grid.write(connection, x: start, y: area.y, maxX: area.maxX, role: .headerAccent) }
    // A theme or config problem stays in sight (it also went to the Log) until Esc.
    if let problem = state.setupProblems.first?.headline {
      grid.write(" ⚠ \(problem)", x: x, y: area.y, maxX: start > x + 1 ? start : area.maxX, role: .logError)
    }
  }
}
