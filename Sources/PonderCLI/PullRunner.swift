import PonderCore

/// What `ponder pull` does once its arguments are read: resolve the server, pull with progress
/// on `err`, end with one line, and say which exit code (the same as `ponder ask`'s) applies.
public struct PullRunner: Sendable {
  let transport: any HTTPTransport
  let server: ServerSelection

  public init(transport: any HTTPTransport, server: ServerSelection) {
    self.transport = transport
    self.server = server
  }

  /// - Parameter onStart: receives the task that reads the network; cancelling it (Ctrl-C)
  ///   closes the connection, and the pull ends as interrupted (130).
  public func run(_ model: String, err: any OutputSink, onStart: (Task<Void, Never>) -> Void = { _ in }) async
    -> PonderExit
  {
    let line = PullStatusLine(sink: err, model: model)
    let transport = self.transport
    let server = self.server
    let task = Task<Result<PullProgress, ChatError>, Never> {
      switch await server.resolve(client: StreamingClient(transport: transport)) {
      case .failure(let error):
        return .failure(error)
      case .success(let resolved):
        let interval: Duration = err.isTerminal ? .milliseconds(250) : .seconds(1)
        return await ModelPuller(transport: transport, backend: resolved.backend, interval: interval).pull(model) {
          line.show($0)
        }
      }
    }
    onStart(
      Task {
        _ = await withTaskCancellationHandler {
          await task.value
        } onCancel: {
          task.cancel()
        }
      })
    switch await task.value {
    case .success(let progress):
      line.finish("pulled \(model)" + (progress.total > 0 ? " (\(ByteSize.text(Int(progress.total))))" : ""))
      return .done
    case .failure(let error):
      line.finish("ponder: " + describe(error, model: model))
      return PonderExit(error)
    }
  }

  /// One line for a failed pull.
  func describe(_ error: ChatError, model: String) -> String {
    let host = server.displayHost
    switch error.kind {
    case .server, .rejected, .unavailable: return "pulling \(model) failed: \(error.message)"
    case .cancelled: return "pull of \(model) cancelled; the connection to \(host) was closed (pulling again resumes)"
    default:
      return "pulling \(model) failed: "
        + AskRunner(transport: transport, settings: .init(server: server)).describe(error, model: nil, host: host)
    }
  }
}
