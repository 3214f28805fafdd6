import PonderCore
import PonderScreen
import Testing

/// F6 / Ctrl-G zoom: the focused pane takes the screen, and focus and zoom stay together.
@Suite struct ZoomReducerTests {
  @Test func zoomKeyTogglesTheFocusedPane() {
    var session = Session()
    session.thinkingTurn()
    session.press(.tab, .tab)
    #expect(session.state.focus == .reasoning)
    session.press(.function(6))
    #expect(session.state.zoomed == .reasoning)
    let layout = session.state.layout
    #expect(layout.reasoning == Rect(x: 0, y: 0, width: 80, height: 23))
    #expect(layout.log == nil)
    #expect(layout.input.isEmpty)
    #expect(layout.footer == Rect(x: 0, y: 23, width: 80, height: 1))
    session.press(.function(6))
    #expect(session.state.zoomed == nil)
    #expect(session.state.focus == .reasoning)
    #expect(session.state.layout.log != nil)
  }

  @Test func fromTheInputCtrlGZoomsTheAnswer() {
    var session = Session()
    session.press(.control("g"))
    #expect(session.state.zoomed == .answer)
    #expect(session.state.focus == .answer)
    #expect(session.state.layout.answer == Rect(x: 0, y: 0, width: 80, height: 23))
    session.press(.control("g"))
    #expect(session.state.zoomed == nil)
  }

  @Test func tabMovesTheZoomBetweenPanesAndSkipsTheInput() {
    var session = Session()
    session.press(.function(6))
    session.press(.tab)
    #expect(session.state.zoomed == .reasoning)
    session.press(.tab)
    #expect(session.state.zoomed == .log)
    session.press(.tab)
    #expect(session.state.zoomed == .answer)
    session.press(.backTab)
    #expect(session.state.zoomed == .log)
  }

  @Test func onAShortTerminalTheZoomStillReachesTheLog() {
    var session = Session(width: 80, height: 16)
    #expect(session.state.layout.log == nil)
    session.press(.function(6), .tab, .tab)
    #expect(session.state.zoomed == .log)
    #expect(session.state.layout.log == Rect(x: 0, y: 0, width: 80, height: 15))
  }

  @Test func leavingForTheInputEndsTheZoom() {
    var session = Session()
    session.press(.function(6))
    session.press(.escape)
    #expect(session.state.zoomed == nil)
    #expect(session.state.focus == .input)
    session.press(.function(6))
    session.type("x")
    #expect(session.state.zoomed == nil)
    #expect(session.state.input.string == "x")
  }

  @Test func hidingTheZoomedPaneEndsTheZoom() {
    var session = Session()
    session.press(.tab, .tab, .tab)
    #expect(session.state.focus == .log)
    session.press(.function(6))
    #expect(session.state.zoomed == .log)
    session.press(.function(2))
    #expect(session.state.zoomed == nil)
    #expect(session.state.focus == .input)
  }

  @Test func searchLeavesTheZoomForItsBar() {
    var session = Session()
    session.press(.function(6), .control("f"))
    #expect(session.state.zoomed == nil)
    #expect(session.state.search != nil)
  }

  @Test func resizeWhileZoomedKeepsThePaneFillingTheScreen() {
    var session = Session()
    session.press(.tab, .tab, .tab, .function(6))
    session.send(.resize(width: 100, height: 16))
    #expect(session.state.zoomed == .log)
    #expect(session.state.layout.log == Rect(x: 0, y: 0, width: 100, height: 15))
    #expect(session.render().lines[0].contains("Log · zoomed (F6 back)"))
    session.send(.resize(width: 80, height: 24))
    #expect(session.state.layout.log == Rect(x: 0, y: 0, width: 80, height: 23))
    session.press(.function(6))
    #expect(session.state.layout.log?.height ?? 0 < 23)
  }

  @Test func aPageInAZoomedPaneIsTheWholeScreen() throws {
    var session = Session()
    session.type("q")
    session.press(.enter)
    session.stream([.answer((1...100).map { "line \($0)" }.joined(separator: "\n"))])
    session.press(.tab, .function(6), .home, .pageDown)
    let content = try #require(session.state.layout.content(of: .answer))
    #expect(content.height == 22)
    #expect(session.state.topRow(of: .answer, in: content) == 21)
  }
}
