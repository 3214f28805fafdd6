/// The panes a user can focus and scroll.
public enum Pane: Sendable, Equatable, Hashable, CaseIterable {
  case input, answer, reasoning, log

  public var title: String {
    switch self {
    case .input: return "Input"
    case .answer: return "Answer"
    case .reasoning: return "Reasoning"
    case .log: return "Log"
    }
  }
}
