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

/// Why the conversation store could not do what was asked, in one line.
public struct StoreProblem: Error, Sendable, Equatable {
  public var message: String
  public init(_ message: String) { self.message = message }
}

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

/// The kinds of orchestrator events in the Log, each with its marker and colour.
public enum LogKind: Sendable, Equatable {
  case request, model, firstToken, thinking, tool, result, retry, error, warning, done, info

  public var marker: String {
    switch self {
    case .request: return "→"
    case .model: return "◆"
    case .firstToken: return "▸"
    case .thinking: return "◇"
    case .tool: return "⚙"
    case .result: return "←"
    case .retry: return "↻"
    case .error: return "✗"
    case .warning: return "⚠"
    case .done: return "✓"
    case .info: return "·"
    }
  }

  public var role: StyleRole {
    switch self {
    case .request: return .logRequest
    case .model: return .logModel
    case .firstToken: return .logFirstToken
    case .thinking: return .logThinking
    case .tool: return .logTool
    case .result: return .logResult
    case .retry: return .logRetry
    case .error: return .logError
    case .warning: return .logRetry
    case .done: return .logDone
    case .info: return .dim
    }
  }
}
