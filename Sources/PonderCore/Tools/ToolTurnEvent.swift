/// What a tool-using turn reports to its consumer, in order: the model's text as it streams and
/// every log-worthy step of the tool work between responses.
///
/// Reasoning and answer text of every response arrive as ``stream(_:)``, so they keep streaming
/// across tool steps. A response's `done` becomes ``responseDone(step:_:)``: it ends one response,
/// not the turn. The turn itself ends with the ``ToolTurnOutcome`` its driver returns.
public enum ToolTurnEvent: Sendable, Equatable {
  /// `.reasoning` or `.answer` text of the response in progress.
  case stream(StreamEvent)
  /// A call is known: its name and arguments (shown in the Log at once).
  case toolCall(ToolCall)
  /// Whether the call may run, and who decided.
  case approval(ToolCall, ApprovalNote)
  /// The call started running.
  case toolStarted(ToolCall)
  /// The call finished (or was refused): size, duration and status are in the result.
  case toolFinished(ToolResult)
  /// One response ended; `step` counts tool rounds before it (0 for the first response).
  case responseDone(step: Int, GenerationStats)
  /// Something the user should know about the turn (a retry without tools, the step limit).
  case notice(String)
  /// The turn is over. The machine never emits this; its driver's consumer appends it after the
  /// last event, so whoever shows the turn learns its outcome in order with everything else.
  case turnEnded(ToolTurnOutcome)
}
