import Foundation
import PonderCore
import PonderHTTP
import PonderTestSupport
import Testing

/// The streaming client over real sockets: chunk boundaries, cancellation, silence.
@Suite struct StreamingClientHTTPTests {
  static let fixture = Fixtures.bytes(
    "ollama/thinking.ndjson", besides: #filePath.replacing("PonderHTTPTests", with: "PonderCoreTests"))

  func collect(_ batches: EventBatches) async -> [StreamEvent] {
    var events: [StreamEvent] = []
    for await batch in batches { events += batch }
    return DecoderVerifier.merged(events)
  }

  func request(_ server: ScriptedHTTPServer) -> HTTPRequestSpec {
    OllamaAPI(host: OllamaHost(environmentValue: server.baseURL)).chatRequest(
      ChatRequest(model: "m", messages: [.user("x")]))
  }

  @Test(arguments: [1, 3, 7, 64, 100_000])
  func eventsAreTheSameWhateverTheServersChunking(chunkSize: Int) async throws {
    let pieces = DecoderVerifier.chunked(Self.fixture, size: chunkSize)
    let server = try ScriptedHTTPServer { _ in
      HTTPScript(headers: [("Content-Type", "application/x-ndjson")], chunks: pieces.map { HTTPScript.Chunk($0) })
    }
    defer { server.stop() }
    let transport = AsyncHTTPTransport()
    let events = await collect(
      StreamingClient(transport: transport).events(for: request(server), decoder: OllamaChatDecoder()))
    await transport.shutdown()
    #expect(events == DecoderVerifier.events(Self.fixture, decoder: OllamaChatDecoder()))
  }

  /// The chat's turn task prefers the transport's reading executor: every batch, read through
  /// the idle-timeout wrapper too, is decoded on the one network thread (no hop per chunk).
  @Test func aTaskThatPrefersTheReadingExecutorDecodesOnTheNetworkThread() async throws {
    // Paced, so the chunks arrive in reads of their own.
    let pieces = DecoderVerifier.chunked(Self.fixture, size: 64)
    let server = try ScriptedHTTPServer { _ in
      HTTPScript(
        headers: [("Content-Type", "application/x-ndjson")],
        chunks: pieces.map { HTTPScript.Chunk($0, delayBefore: .milliseconds(5)) })
    }
    defer { server.stop() }
    let http = AsyncHTTPTransport()
    let transport = IdleTimeoutTransport(http, timeout: .seconds(30), clock: ContinuousClock())
    let executor = try #require(transport.readingExecutor)
    let spec = request(server)
    let (threads, batches) = await Task(executorPreference: executor) {
      var threads: Set<String> = []
      var batches = 0
      for await _ in StreamingClient(transport: transport).events(for: spec, decoder: OllamaChatDecoder()) {
        threads.insert(Self.threadName())
        batches += 1
      }
      return (threads, batches)
    }.value
    await http.shutdown()
    #expect(batches > 1)
    #expect(threads.count == 1)
    #expect(threads.first?.hasPrefix("ponder-net") == true, "\(threads)")
  }

  /// The running thread's name, as Linux keeps it.
  static func threadName() -> String {
    ((try? String(contentsOfFile: "/proc/thread-self/comm", encoding: .utf8)) ?? "").trimmingCharacters(in: .newlines)
  }

  @Test func cancellingClosesTheConnectionAndTheNextRequestWorks() async throws {
    let ollama = ScriptedOllama(tokensPerSecond: 200)
    let server = try ScriptedHTTPServer(handler: ollama.handle)
    defer { server.stop() }
    let transport = AsyncHTTPTransport()
    let client = StreamingClient(transport: transport)
    let spec = OllamaAPI(host: OllamaHost(environmentValue: server.baseURL))
      .chatRequest(ChatRequest(model: "qwen3:8b", messages: [.user("a long story")]))
    let (firstBatch, firstBatchSeen) = AsyncStream.makeStream(of: Void.self)
    let reader = Task {
      var seen: [StreamEvent] = []
      for await batch in client.events(for: spec, decoder: OllamaChatDecoder()) {
        seen += batch
        firstBatchSeen.yield()
      }
      return seen
    }
    for await _ in firstBatch { break }
    reader.cancel()
    let seen = await reader.value
    #expect(seen.last == .error(ChatError(.cancelled, "cancelled")))
    let disconnect = try #require(await server.waitForDisconnect())
    #expect(disconnect.path == "/api/chat")
    #expect(disconnect.chunksWritten < disconnect.scriptChunks)
    // The same server answers the next request at once (protocols.md §6 case 37).
    let next = await collect(client.events(for: spec.replacingPrompt("short"), decoder: OllamaChatDecoder()))
    #expect(next.last.map { if case .done = $0 { true } else { false } } == true)
    await transport.shutdown()
  }

  /// Plain HTTP times its own reads (a socket wait with a deadline, what `IdleTimeoutTransport`
  /// uses instead of a reading task and a watchdog): a server that falls silent after the body
  /// began fails the read with the given failure and sees the hang-up; a slow first chunk is not
  /// timed.
  @Test func aPlainBodySilentPastItsIdleLimitFailsAndIsHungUpOn() async throws {
    let lines = String(decoding: Self.fixture, as: UTF8.self).split(separator: "\n").map { Array(($0 + "\n").utf8) }
    let server = try ScriptedHTTPServer { _ in
      HTTPScript(
        headers: [("Content-Type", "application/x-ndjson")],
        chunks: [
          HTTPScript.Chunk(lines[0], delayBefore: .milliseconds(1200)),
          HTTPScript.Chunk(lines[1], delayBefore: .milliseconds(200)),
          // Past the limit: the server then finds the client gone instead of writing it.
          HTTPScript.Chunk(lines[2], delayBefore: .seconds(3)),
        ])
    }
    defer { server.stop() }
    let transport = AsyncHTTPTransport()
    let response = try await transport.send(request(server))
    let quiet = ChatError(.connectionLost, "quiet for a second")
    let body = try #require(response.body.timingOwnReads(idle: .seconds(1), failure: quiet))
    var received: [UInt8] = []
    var failure: (any Error)?
    do {
      for try await chunk in body { received += chunk }
    } catch {
      failure = error
    }
    await transport.shutdown()
    #expect(failure as? ChatError == quiet)
    #expect(received == lines[0] + lines[1])
    let disconnect = try #require(await server.waitForDisconnect())
    #expect(disconnect.chunksWritten == 2)
  }

  @Test(.enabled(if: ProcessInfo.processInfo.environment["PONDER_SLOW_TESTS"] == "1"))
  func ninetySecondsOfSilenceBeforeTheFirstTokenIsNotATimeout() async throws {
    let ollama = ScriptedOllama(firstTokenDelay: 90)
    let server = try ScriptedHTTPServer(handler: ollama.handle)
    defer { server.stop() }
    let transport = AsyncHTTPTransport()
    let spec = OllamaAPI(host: OllamaHost(environmentValue: server.baseURL))
      .chatRequest(ChatRequest(model: "llama3.2", messages: [.user("hi")]))
    let events = await collect(StreamingClient(transport: transport).events(for: spec, decoder: OllamaChatDecoder()))
    await transport.shutdown()
    #expect(events.first == .answer(ScriptedTurn(prompt: "hi", thinks: false).answerText))
  }
}

extension HTTPRequestSpec {
  func replacingPrompt(_ prompt: String) -> HTTPRequestSpec {
    var copy = self
    copy.body = OllamaAPI(host: .local).chatRequest(ChatRequest(model: "qwen3:8b", messages: [.user(prompt)])).body
    return copy
  }
}
