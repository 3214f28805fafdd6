import Foundation
import PonderCLI
import PonderCore
import PonderHTTP
import PonderTestSupport
import Testing

/// `ponder pull` against the scripted Ollama server over real HTTP: success, an unknown model,
/// a server that cannot pull, and Ctrl-C closing the connection.
@Suite struct PullEndToEndTests {
  struct Run {
    var status: PonderExit
    var err: String
  }

  func pull(
    _ name: String, server: ScriptedHTTPServer, api: APIKind = .ollama, err: CapturingSink = CapturingSink(),
    onStart: (Task<Void, Never>) -> Void = { _ in }
  ) async -> Run {
    let transport = AsyncHTTPTransport()
    let status = await PullRunner(transport: transport, server: ServerSelection(api: api, host: server.baseURL)).run(
      name, err: err, onStart: onStart)
    await transport.shutdown()
    return Run(status: status, err: err.text)
  }

  /// The names `/api/tags` lists now.
  func listed(_ server: ScriptedHTTPServer) async throws -> [String] {
    let transport = AsyncHTTPTransport()
    defer { Task { await transport.shutdown() } }
    let json = try await StreamingClient(transport: transport).fetchJSON(
      HTTPRequestSpec(method: .get, url: server.baseURL + "/api/tags"))
    return OllamaAPI.models(fromTags: json).map(\.name)
  }

  @Test func aPullSucceedsAndTheModelIsListedAfterwards() async throws {
    let ollama = ScriptedOllama(pullStep: .milliseconds(2))
    let server = try ScriptedHTTPServer(handler: ollama.handle)
    defer { server.stop() }
    #expect(try await !listed(server).contains("llama3.2-vision:latest"))
    let run = await pull("llama3.2-vision", server: server)
    #expect(run.status == .done)
    #expect(run.err.hasSuffix("pulled llama3.2-vision (1.9 GB)\n"))
    #expect(!run.err.contains("\r"), "a log gets plain lines")
    let lines = run.err.split(separator: "\n")
    #expect(lines.count < 10, "progress is reported at most once a second, and at each phase: \(lines)")
    #expect(lines.contains { $0.hasSuffix("verifying sha256 digest") })
    // The server lists the model once its response completed (it may finish a moment after the client).
    #expect(await server.waitUntil { $0.completedResponses.contains { $0.path == "/api/pull" } })
    #expect(try await listed(server).contains("llama3.2-vision:latest"))
    let body = try #require(server.recordedRequests.first { $0.path == "/api/pull" }?.bodyText)
    #expect(body == #"{"model":"llama3.2-vision","stream":true}"#)
  }

  @Test func anUnknownModelIsOneLineAndTheStreamFailedCode() async throws {
    let server = try ScriptedHTTPServer(handler: ScriptedOllama(pullStep: .milliseconds(2)).handle)
    defer { server.stop() }
    let run = await pull("nope", server: server)
    #expect(run.status == .streamFailed)
    #expect(run.err == "ponder: pulling nope failed: pull model manifest: file does not exist\n")
  }

  @Test func aFullDiskIsOneClearLine() async throws {
    let server = try ScriptedHTTPServer(handler: ScriptedOllama(pullStep: .milliseconds(2)).handle)
    defer { server.stop() }
    let run = await pull("big-diskfull", server: server)
    #expect(run.status == .streamFailed)
    let last = try #require(run.err.split(separator: "\n").last)
    #expect(last.hasPrefix("ponder: pulling big-diskfull failed: write "))
    #expect(last.hasSuffix("no space left on device"))
  }

  @Test func aServerThatIsNotOllamaCannotPull() async throws {
    let server = try ScriptedHTTPServer(handler: ScriptedOllama().handle)
    defer { server.stop() }
    let run = await pull("llama3.2", server: server, api: .openai)
    #expect(run.status == .rejected)
    #expect(run.err.hasPrefix("ponder: pulling llama3.2 failed: the OpenAI-compatible server at "))
    #expect(run.err.hasSuffix("cannot pull models: only Ollama servers can (/api/pull)\n"))
    #expect(server.recordedRequests.isEmpty)
  }

  @Test func cancellingClosesTheConnectionAndTheModelIsNotListed() async throws {
    // A second between progress lines: the pull (about 30 s) cannot end before the cancel however
    // late a loaded machine runs this test, and the server sees the hang-up within a second.
    let server = try ScriptedHTTPServer(handler: ScriptedOllama(pullStep: .seconds(1)).handle)
    defer { server.stop() }
    let reader = TaskBox()
    let err = CapturingSink()
    async let run = pull("llama3.2-vision", server: server, err: err) { reader.task = $0 }
    // Cancel mid-pull: once the first progress line is out.
    #expect(await err.waitForText { !$0.isEmpty })
    reader.task?.cancel()
    let result = await run
    #expect(result.status == .interrupted)
    #expect(
      result.err.hasSuffix(
        "ponder: pull of llama3.2-vision cancelled; the connection to \(server.baseURL) was closed (pulling again resumes)\n"
      ))
    let disconnect = await server.waitForDisconnect()
    #expect(disconnect?.path == "/api/pull")
    #expect((disconnect?.chunksWritten ?? .max) < (disconnect?.scriptChunks ?? 0))
    #expect(try await !listed(server).contains("llama3.2-vision:latest"))
  }
}
