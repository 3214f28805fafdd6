import ArgumentParser
import PonderCore
import PonderHTTP

/// `ponder models`: what the server offers.
struct ModelsCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "models", abstract: "List the server's models: name, size, parameters, quantization.")

  @OptionGroup var server: ServerOptions

  func run() async throws {
    let err = FileDescriptorSink.standardError
    let selection = try server.selection(config: try ConfigLoader.load(reportingTo: err))
    if let warning = selection.apiKeyWarning { err.note(warning) }
    let transport = AsyncHTTPTransport()
    let client = StreamingClient(transport: transport)
    let describer = AskRunner(transport: transport, settings: .init(server: selection))
    let result: Result<[ModelInfo], ChatError>
    switch await selection.resolve(client: client) {
    case .failure(let error):
      result = .failure(error)
    case .success(let resolved):
      do {
        result = .success(resolved.backend.models(from: try await client.fetchJSON(resolved.backend.modelsRequest())))
      } catch {
        result = .failure(error)
      }
    }
    await transport.shutdown()
    switch result {
    case .success(let models):
      FileDescriptorSink.standardOutput.write(ModelTable.render(models))
    case .failure(let error):
      err.note("\(describer.describe(error, model: nil, host: selection.displayHost))")
      throw ExitCode(PonderExit(error).rawValue)
    }
  }
}
