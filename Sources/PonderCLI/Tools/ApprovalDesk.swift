import PonderCore
import PonderScreen
import PonderTools

/// Where a running turn waits for the user's answer about a tool call: the coordinator's approval
/// callback parks here while the TUI shows its overlay, and the key the user presses resumes it.
///
/// Cancelling the waiting task (the user cancels the turn) answers `.deny` at once, so a turn can
/// always end.
actor ApprovalDesk {
  private var waiting: (call: ToolCall, continuation: CheckedContinuation<ApprovalDecision, Never>)?

  /// Shows the request through `show` and waits for ``answer(_:for:)``.
  func ask(_ request: ApprovalRequest, show: @escaping @Sendable (ApprovalRequest) -> Void) async -> ApprovalDecision {
    await withTaskCancellationHandler {
      await withCheckedContinuation { continuation in
        if let previous = waiting { previous.continuation.resume(returning: .deny) }
        waiting = (request.call, continuation)
        if Task.isCancelled {
          answer(.deny, for: request.call)
        } else {
          show(request)
        }
      }
    } onCancel: {
      Task { await self.answer(.deny, for: request.call) }
    }
  }

  /// Resumes the turn waiting about `call`; an answer about anything else is ignored.
  func answer(_ decision: ApprovalDecision, for call: ToolCall) {
    guard let current = waiting, current.call == call else { return }
    waiting = nil
    current.continuation.resume(returning: decision)
  }
}
