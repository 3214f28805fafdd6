/// The user's answer when Ponder asks whether a tool may run.
///
/// `alwaysAllow` is remembered by ``ApprovalPolicy`` for the session like `allowForSession`; the
/// caller also saves it in the config file (the policy itself does no I/O).
public enum ApprovalDecision: String, Sendable, Equatable, CaseIterable {
  case allowOnce
  case allowForSession
  case alwaysAllow
  case deny

  public var allows: Bool { self != .deny }
}

/// What the policy says about a call before anyone is asked.
public enum ApprovalVerdict: Sendable, Equatable {
  /// Run it; the reason is shown in the Log ("read-only", "--allow run_command", …).
  case allow(String)
  /// Ask the user.
  case ask
  /// Do not run it; the reason is shown in the Log and told to the model.
  case deny(String)
}

/// How a call came to be allowed or refused, for the Log.
public enum ApprovalNote: Sendable, Equatable {
  case allowedByPolicy(String)
  case deniedByPolicy(String)
  case decidedByUser(ApprovalDecision)
}
