import PonderCore
import Testing

@Suite struct ToolsApprovalPolicyTests {
  static let read = TurnFixtures.readTool
  static let command = TurnFixtures.commandTool

  @Test(arguments: [
    (ApprovalPolicy(isInteractive: true), read, ApprovalVerdict.allow("read-only")),
    (ApprovalPolicy(isInteractive: true), command, .ask),
    (ApprovalPolicy(isInteractive: false), read, .allow("read-only")),
    (
      ApprovalPolicy(isInteractive: false), command,
      .deny("needs approval, and nobody can be asked (use --allow run_command or --yes)")
    ),
    (ApprovalPolicy(isInteractive: false, allowAll: true), command, .allow("--yes")),
    (ApprovalPolicy(isInteractive: false, commandLineAllowed: ["run_command"]), command, .allow("--allow run_command")),
    (ApprovalPolicy(isInteractive: true, commandLineAllowed: ["write_file"]), command, .ask),
    (ApprovalPolicy(isInteractive: true, alwaysAllowed: ["run_command"]), command, .allow("always allowed")),
  ])
  func verdicts(policy: ApprovalPolicy, tool: ToolDefinition, expected: ApprovalVerdict) {
    #expect(policy.verdict(for: tool) == expected)
  }

  @Test func decisionsAreRemembered() {
    var policy = ApprovalPolicy(isInteractive: true)
    policy.record(.allowOnce, for: "run_command")
    #expect(policy.verdict(for: Self.command) == .ask)
    policy.record(.deny, for: "run_command")
    #expect(policy.verdict(for: Self.command) == .ask)
    policy.record(.allowForSession, for: "run_command")
    #expect(policy.verdict(for: Self.command) == .allow("allowed for this session"))
    #expect(policy.alwaysAllowed.isEmpty)
    policy.record(.alwaysAllow, for: "write_file")
    #expect(policy.alwaysAllowed == ["write_file"])
  }

  @Test func denialMessagesTellTheModelWhatHappened() {
    #expect(
      ApprovalPolicy.denialMessage(toolName: "run_command", byUser: true).contains(
        "The user denied permission to run run_command"))
    let automatic = ApprovalPolicy.denialMessage(toolName: "run_command", byUser: false, reason: "needs approval")
    #expect(automatic.hasPrefix("run_command was not run: needs approval."))
  }
}
