import PonderCore

/// What the loop must do after an update: all I/O happens there, never in the state.
public enum Effect: Sendable, Equatable {
  case startTurn(ChatRequest)
  /// Send the last prompt again (`request` ends with it): the new exchange replaces the last one,
  /// in the history and in the saved conversation.

  case cancelTurn
  case pauseStream
  case resumeStream
  case copy(text: String, label: String)
  /// The user answered the approval overlay about this call.
  case answerApproval(ApprovalDecision, ToolCall)
  case loadModels
  case redraw
  /// Ctrl-Z: give the terminal back and stop the process; on `fg`, redraw everything.
  case suspend
  case quit
  /// The turn ended: save these messages in place of its streaming answer.
  case turnFinished([StoredMessage])
  /// The next prompt starts a new conversation (the one on screen stays saved).
  case newConversation
  /// Read the sessions list, filtered by a search (empty: the most recent).
  case listSessions(String)
  case openSession(Int64)
  case renameSession(Int64, String)
  case deleteSession(Int64)
  /// `/retry` or a sent `/edit`: the last prompt and its answer leave the saved conversation.
  case dropLastExchange
  /// Read the file at this path for the next message.
  case attach(String)
  /// Ask the server what each of these models can do (`/api/show`), one after another.
  case loadModelDetails([String])
  /// Pull this model onto the server (`/api/pull`), reporting progress.
  case pullModel(String)
  /// Cancel the running pull (closing the connection; a re-pull resumes).
  case cancelPull
  /// Ask the server for this model's context window.
  case loadContextWindow(String)
}
