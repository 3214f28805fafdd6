extension ToolTurnMachine {
  /// What the driver must do next. Actions are returned in the order they must be executed.
  public enum Action: Sendable, Equatable {
    /// Pass this to the consumer (stream text and log-worthy progress).
    case emit(ToolTurnEvent)
    /// Send this request and feed its events to ``ToolTurnMachine/receive(_:)``: the first
    /// request, or the retry without tools after a server refused them.
    case send(ChatRequest)
    /// Ask the user about this call and report the answer to ``ToolTurnMachine/approvalDecided(_:for:)``.
    case requestApproval(ToolCall)
    /// Run these calls and report their results, in this order, to
    /// ``ToolTurnMachine/toolsFinished(_:)``. A batch of several calls holds only read-only ones
    /// and may run concurrently; a call that writes or runs commands always comes alone.
    case runTools([ToolCall])
    /// The history grew by these messages (the assistant message with its calls, then one result
    /// per call): send ``ToolTurnMachine/request``, which ends with them, and feed its events.
    case sendFollowUp([ChatMessage])
    /// The turn is over.
    case finish(ToolTurnOutcome)
    /// A response failed; ``ToolTurnMachine/transcript`` holds what the turn added before it.
    case fail(ChatError)
  }

  /// Where the turn is. Legal moves:
  /// `streaming` → `approving` | `running` | streaming (follow-up, retry) | `finished`;
  /// `approving` → `approving` | `running` | `streaming` | `finished` (cancel);
  /// `running` → `running` (next batch) | `streaming` | `finished` (cancel).
  enum State: Sendable, Equatable {
    /// A request is out; `received` says whether any of its events arrived.
    case streaming(received: Bool)
    /// Waiting for the user's answer about the call at this index of the round.
    case approving(Int)
    /// The batch at this index of `batches` is running.
    case running(Int)
    case finished
  }
}
