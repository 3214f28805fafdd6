import PonderCore
import PonderScreen
import PonderTestSupport
import Testing

@Suite struct ScreenSnapshotTests {
  @Test func midStreamAt80x24() {
    var session = Session()
    session.thinkingTurn(done: false)
    expectSnapshot(session.render(), "mid-stream-80x24")
  }

  @Test func finishedTurnAt120x40() {
    var session = Session(width: 120, height: 40)
    session.thinkingTurn()
    expectSnapshot(session.render(), "finished-120x40")
  }

  @Test func thinkingAt80x24ShowsCursorInReasoning() {
    var session = Session()
    session.type("hi")
    session.press(.enter)
    session.stream([.reasoning("Thinking hard")], after: .milliseconds(300))
    expectSnapshot(session.render(), "thinking-80x24")
  }

  @Test func smallTerminalsDegrade() {
    for (width, height) in [(60, 20), (40, 12), (39, 11)] {
      var session = Session(width: width, height: height)
      session.thinkingTurn()
      expectSnapshot(session.render(), "degraded-\(width)x\(height)")
    }
  }

  @Test func cutOffAnswerAt80x24() {
    var session = Session()
    session.thinkingTurn(done: false)
    session.stream([EndingsReducerTests.lengthStop()])
    expectSnapshot(session.render(), "cut-off-80x24")
  }

  @Test func lengthStopOverlayAt80x24() {
    var session = Session()
    EndingsReducerTests.thinkingOnly(&session)
    expectSnapshot(session.render(), "length-stop-80x24")
  }

  @Test func helpOverlay() {
    var session = Session()
    session.press(.function(1))
    expectSnapshot(session.render(), "help-80x24")
  }
}
