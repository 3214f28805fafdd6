import ArgumentParser
import PonderCore

/// `--workspace`, `--allow`, `--yes`, `--no-tools` and `--max-tool-steps`, shared by `ask` and the chat.
struct ToolOptions: ParsableArguments {
  @Option(name: .long, help: "The directory tools may read and write (default: the current directory).")
  var workspace: String?

  @Option(name: .long, help: "Run this tool without asking (repeatable), e.g. --allow run_command.")
  var allow: [String] = []

  @Flag(name: .long, help: "Run every tool without asking.")
  var yes = false

  @Flag(name: .long, help: "Offer no tools to the model.")
  var noTools = false

  // `.unconditional`: "-3" is read as the value (and refused by validate) rather than taken for
  // an option, which made ArgumentParser say "Missing value".
  @Option(
    name: .long, parsing: .unconditional, help: "Tool rounds per turn before Ponder stops the model (default 10).")
  var maxToolSteps: Int = 10

  func validate() throws {
    if maxToolSteps < 0 { throw ValidationError("--max-tool-steps takes 0 or more") }
  }
}
