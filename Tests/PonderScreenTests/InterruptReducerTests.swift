import PonderCore
import PonderScreen
import PonderTestSupport
import Testing

/// Item 5 of issue 9: nothing typed is lost, and Ctrl-C quits only when meant.
@Suite struct InterruptReducerTests {
  @Test func ctrlCOnADraftClearsItAndUpBringsItBack() {
    var session = Session()
    session.type("a long draft\nwith two lines")
    session.press(.control("c"))
    #expect(session.state.input.isEmpty)
    #expect(session.effects.isEmpty)
    session.press(.up)
    #expect(session.state.input.string == "a long draft\nwith two lines")
  }

  @Test func ctrlCOnAnEmptyInputQuitsOnlyOnTheSecondPress() {
    var session = Session()
    session.press(.control("c"))
    #expect(session.effects.isEmpty)
    #expect(session.state.log.lines.last?.display.contains("Ctrl-C again to quit") == true)
    session.press(.control("c"))
    #expect(session.effects == [.quit])
  }

  @Test func anotherKeyBetweenThePressesStartsOver() {
    var session = Session()
    session.press(.control("c"))
    session.press(.pageUp)
    session.press(.control("c"))
    #expect(session.effects.isEmpty)
  }

  @Test func aSecondPressLongAfterTheFirstIsAFirstPressAgain() {
    var session = Session()
    session.press(.control("c"))
    session.send(.key(.control("c")), after: .seconds(4))
    #expect(session.effects.isEmpty)
    session.send(.key(.control("c")), after: .seconds(1))
    #expect(session.effects == [.quit])
  }

  @Test func ctrlCRightAfterACancelIsNotAFirstPress() {
    var session = Session()
    session.type("tell me a story")
    session.press(.enter)
    session.stream([.answer("Once")])
    session.press(.control("c"))
    session.stream([.error(ChatError(.cancelled, "cancelled"))])
    session.send(.streamEnded)
    session.effects = []
    session.send(.key(.control("c")), after: .milliseconds(300))
    session.send(.key(.control("c")), after: .milliseconds(300))
    #expect(session.effects.isEmpty)
    #expect(session.state.log.lines.last?.display.contains("Ctrl-C again to quit") == false)
    // Once the moment has passed, Ctrl-C counts again: the first arms, the second quits.
    session.send(.key(.control("c")), after: .milliseconds(1200))
    #expect(session.effects.isEmpty)
    session.send(.key(.control("c")), after: .milliseconds(200))
    #expect(session.effects == [.quit])
  }

  @Test func ctrlZSuspends() {
    var session = Session()
    session.type("draft")
    session.press(.control("z"))
    #expect(session.effects == [.suspend])
    #expect(session.state.input.string == "draft")
  }
}
