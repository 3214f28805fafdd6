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
