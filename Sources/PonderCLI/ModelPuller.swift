import PonderCore

/// Pulls a model onto an Ollama server through `/api/pull`, for `ponder pull` and the chat.
///
/// Reads the NDJSON progress through the transport and reports the progress at most once per
/// `interval` (phase changes at once). Cancelling the calling task closes the connection, which
/// makes Ollama stop the pull; pulling again resumes it.
struct ModelPuller: Sendable {
  let transport: any HTTPTransport
  let backend: ChatBackend
  var interval: Duration = .milliseconds(250)

  /// Why a server that is not Ollama cannot pull, in one line.
  var cannotPull: String { "\(backend) cannot pull models: only Ollama servers can (/api/pull)" }

  func pull(_ model: String, report: @Sendable (PullProgress) -> Void) async -> Result<PullProgress, ChatError> {
    guard let request = backend.pullRequest(model: model) else {
      return .failure(ChatError(.unavailable, cannotPull))
    }
    let response: HTTPResponseStream
    do {
      response = try await transport.send(request)
    } catch {
      return .failure(StreamingClient.connectError(error))
    }
    guard response.isSuccess else {
      let body = (try? await response.collectBody(limit: 64 << 10)) ?? []
      return .failure(ChatError(.rejected(status: response.status), ErrorBody.message(from: body) ?? "no message"))
    }
    var decoder = OllamaPullDecoder()
    var progress = PullProgress(model: model)
    let clock = ContinuousClock()
    var lastReport: ContinuousClock.Instant?
    func apply(_ events: [PullEvent]) -> ChatError? {
      var bytesUnreported = false
      for event in events {
        if case .failed(let error) = event { return error }
        progress.apply(event)
        if case .layer = event {
          bytesUnreported = true
          continue
        }
        // Each phase is shown, even when the next one came in the same read.
        lastReport = clock.now
        report(progress)
        bytesUnreported = false
      }
      if bytesUnreported, lastReport.map({ clock.now - $0 >= interval }) ?? true {
        lastReport = clock.now
        report(progress)
      }
      return nil
    }
    do {
      for try await chunk in response.body {
        if let error = apply(decoder.decode(chunk)) { return .failure(error) }
        if progress.succeeded { return .success(progress) }
      }
    } catch {
      if Task.isCancelled || error is CancellationError { return .failure(ChatError(.cancelled, "cancelled")) }
      return .failure(ChatError(.connectionLost, (error as? ChatError)?.message ?? String(describing: error)))
    }
    if Task.isCancelled { return .failure(ChatError(.cancelled, "cancelled")) }
    if let error = apply(decoder.finish()) { return .failure(error) }
    return .success(progress)
  }
}
