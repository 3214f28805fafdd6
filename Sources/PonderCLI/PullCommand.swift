import ArgumentParser
import PonderCore
import PonderHTTP

/// `ponder pull NAME`: fetch a model onto an Ollama server, with progress on stderr.
struct PullCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "pull",
    abstract:
      "Pull a model onto the Ollama server, with a progress bar on stderr (Ctrl-C cancels; pulling again resumes).")

  @Argument(help: "The model to pull, as Ollama names it (llama3.2, qwen3:8b).")
  var name: String

  @OptionGroup var server: ServerOptions

  func run() async throws {
    let err = FileDescriptorSink.standardError
    let selection = try server.selection(config: try ConfigLoader.load(reportingTo: err))
    if let warning = selection.apiKeyWarning { err.note(warning) }
    let transport = AsyncHTTPTransport()
    let interrupt = InterruptHandler()
    let status = await PullRunner(transport: transport, server: selection).run(
      name, err: err, onStart: { interrupt.cancelOnInterrupt($0) })
    await transport.shutdown()
    if status != .done { throw ExitCode(status.rawValue) }
  }
}
