import PonderTerminal
import Testing

/// Which terminals can draw the chat, from terminfo alone (curses is not started).
@Suite struct TerminalSupportTests {
  @Test func aTerminalThatMovesTheCursorCanDraw() {
    #expect(TerminalSupport.problem(term: "xterm-256color") == nil)
    #expect(TerminalSupport.problem(term: "linux") == nil)
  }

  @Test func dumbAndUnknownTerminalsCannot() {
    #expect(TerminalSupport.problem(term: "dumb") == "TERM=dumb cannot move the cursor")
    #expect(TerminalSupport.problem(term: "no-such-terminal-xyz") == "terminfo does not know TERM=no-such-terminal-xyz")
    #expect(TerminalSupport.problem(term: nil) == "TERM is not set")
    #expect(TerminalSupport.problem(term: "") == "TERM is not set")
  }

  /// terminfo keeps one loaded terminal per process; questions asked at once (tests run in
  /// parallel) must not free each other's entry.
  @Test func questionsAskedAtOnceGetTheirOwnAnswers() async {
    let wrong = await withTaskGroup(of: Int.self) { group in
      for worker in 0..<4 {
        group.addTask {
          var wrong = 0
          for round in 0..<300 {
            let dumb = (worker + round) % 2 == 0
            let answer = TerminalSupport.problem(term: dumb ? "dumb" : "xterm-256color")
            if answer != (dumb ? "TERM=dumb cannot move the cursor" : nil) { wrong += 1 }
          }
          return wrong
        }
      }
      return await group.reduce(0, +)
    }
    #expect(wrong == 0)
  }
}
