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
}
