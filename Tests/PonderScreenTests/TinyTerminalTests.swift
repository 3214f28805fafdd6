import PonderCore
import PonderScreen
import Testing

/// Below 40×12 only a notice is shown, whole at any size with room for it, and keys that would
/// act on the hidden screen do nothing.
@Suite struct TinyTerminalTests {
  @Test(arguments: [(30, 8), (20, 6), (12, 10)])
  func theNoticeIsReadWhole(width: Int, height: Int) {
    let session = Session(width: width, height: height)
    let text = session.render().lines.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }.joined(separator: " ")
    #expect(text == "Ponder needs at least 40×12 (now \(width)×\(height)). Enlarge the window, or ^Q to quit.")
  }

  @Test func typingAndPaneKeysDoNothingWhileTooSmall() {
    var session = Session(width: 30, height: 8)
    session.type("hello")
    session.press(.enter, .function(1), .control("o"), .control("n"))
    #expect(session.state.input.isEmpty)
    #expect(session.state.overlay == nil)
    #expect(session.effects.isEmpty)
    session.send(.resize(width: 80, height: 24))
    session.type("hi")
    #expect(String(session.state.input.text) == "hi")
  }

  @Test func quittingStillWorksWhileTooSmall() {
    var session = Session(width: 30, height: 8)
    session.press(.control("q"))
    #expect(session.effects.contains(.quit))
  }
}
