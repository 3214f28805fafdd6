import CNCurses
import Synchronization

/// Decides, from terminfo and before curses starts, whether a terminal can show the full-screen
/// chat: it must be known and able to move the cursor (`cup`). `TERM=dumb` cannot.
public enum TerminalSupport {
  /// terminfo's `setupterm` loads into one process-wide terminal (`cur_term`) and frees it
  /// after: two questions at once free each other's entry (a crash, or a known terminal
  /// reported as unknown), so they take turns.
  private static let terminfo = Mutex(())

  /// Why the terminal named `term` cannot draw the screen, or `nil` when it can.
  public static func problem(term: String?) -> String? {
    guard let term, !term.isEmpty else { return "TERM is not set" }
    switch terminfo.withLock({ _ in ponder_terminal_can_address(term) }) {
    case 1: return nil
    case 0: return "TERM=\(term) cannot move the cursor"
    default: return "terminfo does not know TERM=\(term)"
    }
  }
}
