/// How a call came to be allowed or refused, for the Log.
public enum ApprovalNote: Sendable, Equatable {
  case allowedByPolicy(String)
  case deniedByPolicy(String)
  case decidedByUser(ApprovalDecision)
}
