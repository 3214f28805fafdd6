import ArgumentParser
import Foundation
import PonderCore
import PonderTools

/// `ponder __search-files ROOT JSON`: the child process `search_files` runs in, so a pattern that
/// backtracks for ever is killed at its deadline (see `SearchWorker`). Hidden from help.
struct SearchWorkerCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "__search-files", abstract: "Run one search_files call (internal).", shouldDisplay: false)

  @Argument var root: String
  @Argument var arguments: String

  /// This executable, with this subcommand: what the chat and `ask` give `search_files`, with
  /// its deadline from the config (`[tools] search_timeout_seconds`, default 20).
  static func worker(config: ConfigFile) -> SearchWorker {
    let executable =
      (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    return SearchWorker(
      command: [executable, configuration.commandName ?? "__search-files"], timeout: config.searchTimeoutSeconds)
  }

  func run() async throws {
    let err = FileDescriptorSink.standardError
    do {
      let json = try JSONValue.parse(arguments)
      let output = try await SearchFilesTool().run(json, context: ToolContext(workspace: try Workspace(root: root)))
      FileDescriptorSink.standardOutput.write(output.text)
    } catch let failure as ToolFailure {
      err.write(failure.message)
      throw ExitCode(1)
    } catch {
      err.write("search_files: \(error)")
      throw ExitCode(1)
    }
  }
}
