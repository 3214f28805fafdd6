import PonderCore
import PonderScreen
import Testing

/// A theme that failed to load, or a config problem, stays in sight after the Log moves on, until
/// Esc hides it.
@Suite struct SetupProblemTests {
  @Test func theProblemStaysInTheHeaderAndStatusBarUntilEsc() {
    var session = Session()
    let problem = "theme 'nope' not found in /x/Themes; using the default"
    session.state.setupProblems = [SetupProblem(.theme, problem)]
    session.send(.note(.error, problem))
    for index in 1...20 { session.send(.note(.info, "line \(index)")) }
    var grid = session.render()
    #expect(!grid.lines.dropFirst().contains { $0.contains("theme 'nope'") }, "the Log line has scrolled away")
    #expect(grid.lines[0].contains("⚠ theme 'nope' not found"))
    #expect(grid.lines[0].contains("● ready"))
    #expect(StatusBar.text(for: session.state).0.contains("⚠ theme not loaded (Esc hides)"))
    session.press(.escape)
    grid = session.render()
    #expect(session.state.setupProblems.isEmpty)
    #expect(!grid.lines[0].contains("theme"))
    #expect(!StatusBar.text(for: session.state).0.contains("theme"))
  }

  @Test func configProblemsAreCountedInTheStatusBarAndTheFirstIsInTheHeader() {
    var session = Session()
    session.state.setupProblems = [
      SetupProblem(
        .config, "config: /a/long/folder/c.toml:2: unknown key `modle` (did you mean `model`?); ignored",
        headline: "c.toml:2: unknown key `modle` (did you mean `model`?); ignored"),
      SetupProblem(.config, "config: /c.toml:5: save: expected true or false"),
    ]
    for index in 1...20 { session.send(.note(.info, "line \(index)")) }
    var grid = session.render()
    #expect(grid.lines[0].contains("⚠ c.toml:2: unknown key"), "the header shows the short form")
    #expect(StatusBar.text(for: session.state).0.contains("⚠ 2 config problems (Esc hides)"))
    session.press(.escape)
    grid = session.render()
    #expect(!grid.lines[0].contains("config"))
    #expect(!StatusBar.text(for: session.state).0.contains("config"))
  }

  @Test func theSummaryNamesEachSource() {
    #expect(SetupProblem.summary(of: []) == nil)
    #expect(SetupProblem.summary(of: [SetupProblem(.config, "x")]) == "⚠ 1 config problem (Esc hides)")
    #expect(
      SetupProblem.summary(of: [SetupProblem(.theme, "t"), SetupProblem(.config, "x"), SetupProblem(.config, "y")])
        == "⚠ theme not loaded, 2 config problems (Esc hides)")
  }
}
