import ArgumentParser
import Foundation

/// The `ponder` command line: subcommands, and exit codes that match the documentation.
public struct PonderCommand: AsyncParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "ponder",
    abstract: "A terminal client for watching local language models think.",
    subcommands: [
      ChatCommand.self, AskCommand.self, ModelsCommand.self, PullCommand.self, SessionsCommand.self, ExportCommand.self,
      SearchWorkerCommand.self,
    ],
    defaultSubcommand: ChatCommand.self)

  public init() {}

  /// Parses the arguments and runs; usage errors exit 2 (not ArgumentParser's 64).
  public static func runAndExit() async -> Never {
    // A write to a closed pipe (`ponder ask | head`, a clipboard tool that exits early, a socket
    // the server closed) fails with EPIPE and is reported; it must not end Ponder by signal.
    signal(SIGPIPE, SIG_IGN)
    do {
      var command = try parseAsRoot()
      if var asyncCommand = command as? any AsyncParsableCommand {
        try await asyncCommand.run()
      } else {
        try command.run()
      }
      Foundation.exit(0)
    } catch {
      let code = exitCode(for: error)
      if code == .success {
        print(fullMessage(for: error))
        Foundation.exit(0)
      }
      if let exitCode = error as? ExitCode { Foundation.exit(exitCode.rawValue) }
      var message = fullMessage(for: error)
      if message.hasPrefix("Error: ") { message.removeFirst("Error: ".count) }
      FileHandle.standardError.write(Data(("ponder: " + message + "\n").utf8))
      Foundation.exit(code == .validationFailure ? PonderExit.usage.rawValue : code.rawValue)
    }
  }
}
