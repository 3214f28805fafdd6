import PonderCore

/// Everything that can change the app's state. Only ``AppState/update(_:at:)`` consumes these.
public enum AppMessage: Sendable {
  case key(KeyPress)
  case resize(width: Int, height: Int)
  /// A release of the ResponseBuffer for the running turn.
  case stream(ResponseBatch)
  /// The running turn's stream has ended and its task has finished.
  case streamEnded
  /// The blink and status timer (only runs while a turn is active).
  case tick
  /// Bytes held in the ResponseBuffer while paused.
  case backlog(Int)
  case modelsLoaded(Result<[ModelInfo], ChatError>)
  /// The outcome of a copy: the paths that were used, or why nothing could be.
  case copied(label: String, methods: [String], failure: String?)
  /// A line for the log from the edges (server probe, theme problems).
  case note(LogKind, String)
  /// A tool call needs the user's permission: the approval overlay opens.
  case approvalRequested(ApprovalRequest)
  /// The sessions screen's list for `query` (all conversations when empty), read at `now`
  /// (seconds since 1970), or why it could not be read.
  case sessionsListed(query: String, Result<[ConversationSummary], StoreProblem>, now: Int64)
  /// A saved conversation to show and continue.
  case conversationLoaded(SavedConversation)
  /// The store started the conversation on screen, with this id.
  case conversationStarted(Int64)
  /// Saving stopped (or never started); the chat goes on without it.
  case savingStopped(String)
  /// The context window the server reports for a model (`nil`: it does not say).
  case contextWindowLoaded(model: String, window: Int?)
  /// What `/api/show` says of a listed model (`nil`: nothing), for the picker.
  case modelDetailsLoaded(model: String, ModelDetails?)
  /// The running pull's progress (sent at most a few times a second).
  case pullProgress(PullProgress)
  /// The pull of `model` ended: `nil` is success.
  case pullEnded(model: String, ChatError?)
  /// A file `/attach` read, for the next message.
  case attachmentLoaded(PromptAttachment)
}
