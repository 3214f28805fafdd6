import PonderCore
import PonderScreen
import PonderTestSupport
import Testing

/// A server that says nothing is named in the status bar: loading before the first token,
/// "no data for N s" when a stream stalls — both after 10 s, refreshed by the timer.
@Suite struct SilenceStatusTests {
  @Test func beforeTheFirstTokenTheBarSaysTheModelMayBeLoading() {
    var session = Session()
    session.type("hi")
    session.press(.enter)
    session.send(.tick, after: .seconds(5))
    #expect(StatusBar.text(for: session.state).0.contains("◌ waiting for qwen3:8b"))
    session.send(.tick, after: .seconds(6))
    #expect(StatusBar.text(for: session.state).0.contains("◌ waiting for the server (loading the model?) · 11 s"))
  }

  @Test func aStalledStreamShowsHowLongItHasBeenSilent() {
    var session = Session()
    session.type("hi")
    session.press(.enter)
    session.stream([.answer("Once upon")])
    session.send(.tick, after: .seconds(4))
    #expect(!StatusBar.text(for: session.state).0.contains("no data"))
    session.send(.tick, after: .seconds(8))
    #expect(StatusBar.text(for: session.state).0.contains("no data for 12 s"))
    session.stream([.answer(" a time")])
    session.send(.tick, after: .seconds(1))
    #expect(!StatusBar.text(for: session.state).0.contains("no data"))
  }
}
