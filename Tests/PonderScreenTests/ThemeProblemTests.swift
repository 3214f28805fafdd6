import PonderCore
import PonderScreen
import Testing

/// A theme that failed to load stays in sight after the Log moves on, until Esc hides it.
@Suite struct ThemeProblemTests {
  @Test func theProblemStaysInTheHeaderAndStatusBarUntilEsc() {
    var session = Session()
    session.state.themeProblem = "theme 'nope' not found in /x/Themes; using the default"
    session.send(.note(.error, session.state.themeProblem ?? ""))
    for index in 1...20 { session.send(.note(.info, "line \(index)")) }
    var grid = session.render()
    #expect(!grid.lines.dropFirst().contains { $0.contains("theme 'nope'") }, "the Log line has scrolled away")
    #expect(grid.lines[0].contains("⚠ theme 'nope' not found"))
    #expect(grid.lines[0].contains("● ready"))
    #expect(StatusBar.text(for: session.state).0.contains("⚠ theme not loaded (Esc hides)"))
    session.press(.escape)
    grid = session.render()
    #expect(session.state.themeProblem == nil)
    #expect(!grid.lines[0].contains("theme"))
    #expect(!StatusBar.text(for: session.state).0.contains("theme"))
  }
}
