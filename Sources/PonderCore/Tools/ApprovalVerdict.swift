/// What the policy says about a call before anyone is asked.
public enum ApprovalVerdict: Sendable, Equatable {
  /// Run it; the reason is shown in the Log ("read-only", "--allow run_command", …).
  case allow(String)
  /// Ask the user.
  case ask
  /// Do not run it; the reason is shown in the Log and told to the model.
  case deny(String)
}
