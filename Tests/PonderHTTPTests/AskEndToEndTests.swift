import Foundation
import PonderCLI
import PonderCore
import PonderHTTP
import PonderTestSupport
import Testing

/// `ponder ask` against the scripted Ollama server over real HTTP: every exit path.
@Suite struct AskEndToEndTests {
  struct Run {
    var status: PonderExit
    var out: String
    var err: String
  }

  func ask(
    _ prompt: String, model: String? = "qwen3:8b", think: ThinkSetting? = nil, format: AskPrinter.Format = .text,
    server ollama: ScriptedOllama = ScriptedOllama()
  ) async throws -> Run {
    let server = try ScriptedHTTPServer(handler: ollama.handle)
    defer { server.stop() }
    return await ask(prompt, at: server.baseURL, model: model, think: think, format: format)
  }

  func ask(
    _ prompt: String, at url: String, model: String?, think: ThinkSetting? = nil, format: AskPrinter.Format = .text
  ) async -> Run {
    let transport = AsyncHTTPTransport()
    let out = CapturingSink()
    let err = CapturingSink()
    let settings = AskRunner.Settings(
      server: ServerSelection(api: .ollama, host: url), model: model, think: think, format: format, color: false)
    let status = await AskRunner(transport: transport, settings: settings).run(prompt: prompt, out: out, err: err)
    await transport.shutdown()
    return Run(status: status, out: out.text, err: err.text)
  }

  @Test func answerIsByteExactOnStdoutAndReasoningOnStderr() async throws {
    let run = try await ask("What is the weather?")
    let turn = ScriptedTurn(prompt: "What is the weather?", thinks: true)
    #expect(run.status == .done)
    #expect(run.out == turn.answerText)
    #expect(run.err.hasPrefix(turn.reasoningText + "\n"))
    let summary = try #require(run.err.split(separator: "\n").last)
    #expect(summary.contains("tokens"))
    #expect(summary.contains("tok/s"))
    #expect(summary.contains("first token"))
    #expect(summary.contains("done: stop"))
  }

  @Test func withoutAModelTheFirstListedIsUsedAndNamed() async throws {
    let run = try await ask("hi", model: nil)
    #expect(run.status == .done)
    #expect(run.err.contains("using qwen3:8b, the first model"))
  }

  @Test func unknownModelExitsFourWithTheServersMessage() async throws {
    let run = try await ask("hi", model: "nope")
    #expect(run.status == .rejected)
    #expect(run.err.contains("HTTP 404"))
    #expect(run.err.contains("model 'nope' not found"))
    #expect(run.out.isEmpty)
  }

  @Test func thinkingOnAModelThatCannotIsRejected() async throws {
    let run = try await ask("hi", model: "llama3.2", think: .enabled(true))
    #expect(run.status == .rejected)
    #expect(run.err.contains("HTTP 400"))
    #expect(run.err.contains(#""llama3.2" does not support thinking"#))
  }

  @Test func aCutOffAnswerIsPrintedWithAWarningAndExitsSix() async throws {
    let run = try await ask("cut:length", model: "llama3.2")
    let turn = ScriptedTurn(prompt: "cut:length", thinks: false)
    #expect(run.status == .cutOff)
    #expect(PonderExit.cutOff.rawValue == 6)
    #expect(run.out == turn.answerTokens.prefix(10).joined())
    #expect(run.err.contains("done: length"))
    #expect(run.err.contains("ponder: warning: the answer was cut off by the length limit (length) after 10 tokens"))
    #expect(run.err.contains("--option num_predict=1024"))
  }

  @Test func aThinkingModelThatSpentItsBudgetReasoningExitsSixWithNoAnswer() async throws {
    let run = try await ask("cut:thinking")
    #expect(run.status == .cutOff)
    #expect(run.out.isEmpty)
    #expect(
      run.err.contains("ponder: warning: no answer: the model was cut off by the length limit (length) while thinking"))
    #expect(run.err.contains("--no-think"))
    // With thinking off the same prompt is answered: the fix the warning offers works.
    let retried = try await ask("cut:thinking", think: .enabled(false))
    #expect(retried.status == .done)
    #expect(retried.out == ScriptedTurn(prompt: "cut:thinking", thinks: false).answerText)
  }

  @Test func pipedTextFollowsThePromptAfterABlankLine() {
    #expect(PipedPrompt.combine(argument: "summarize this", piped: "x\n") == "summarize this\n\nx\n")
    #expect(PipedPrompt.combine(argument: "summarize this", piped: nil) == "summarize this")
    #expect(PipedPrompt.combine(argument: "summarize this", piped: " \n") == "summarize this")
    #expect(PipedPrompt.combine(argument: "-", piped: "the whole prompt") == "the whole prompt")
    #expect(PipedPrompt.combine(argument: "-", piped: "\n") == nil)
    #expect(PipedPrompt.combine(argument: "-", piped: nil) == nil)
  }

  @Test func aBlankPromptIsNeverSent() {
    #expect(PipedPrompt.combine(argument: "", piped: nil) == nil)
    #expect(PipedPrompt.combine(argument: " \t\n", piped: nil) == nil)
    #expect(PipedPrompt.combine(argument: "", piped: "  \n") == nil)
    #expect(PipedPrompt.combine(argument: "", piped: "the piped text") == "the piped text")
  }

  @Test func errorLineMidStreamKeepsPartialTextAndExitsFive() async throws {
    let run = try await ask("fail:midstream", model: "llama3.2")
    let turn = ScriptedTurn(prompt: "fail:midstream", thinks: false)
    #expect(run.status == .streamFailed)
    #expect(run.out == turn.answerTokens.prefix(10).joined())
    #expect(run.err.contains("unexpected EOF"))
  }

  @Test func connectionResetMidStreamKeepsPartialTextAndExitsFive() async throws {
    let run = try await ask("fail:reset", model: "llama3.2")
    let turn = ScriptedTurn(prompt: "fail:reset", thinks: false)
    #expect(run.status == .streamFailed)
    #expect(run.out == turn.answerTokens.prefix(10).joined())
    #expect(run.err.contains("lost the connection"))
  }

  @Test func truncatedStreamIsReportedAndExitsFive() async throws {
    let run = try await ask("fail:truncate", model: "llama3.2")
    #expect(run.status == .streamFailed)
    #expect(run.out == ScriptedTurn(prompt: "fail:truncate", thinks: false).answerTokens.prefix(10).joined())
    #expect(run.err.contains("ended the stream early"))
  }

  /// `ask > /dev/full` or `ask | head -1`: the first failed write ends the answer — the
  /// connection is closed so the server stops — and the exit is 1, never 0.
  @Test func aStdoutThatCannotBeWrittenStopsTheStreamAndExitsOne() async throws {
    let server = try ScriptedHTTPServer(handler: ScriptedOllama(tokensPerSecond: 200).handle)
    defer { server.stop() }
    let transport = AsyncHTTPTransport()
    let out = CapturingSink(failAfter: 40)
    let err = CapturingSink()
    let settings = AskRunner.Settings(
      server: ServerSelection(api: .ollama, host: server.baseURL), model: "qwen3:8b", format: .text, color: false)
    // 100 s of answer: still streaming when the write fails, however busy the machine (the
    // reader no longer waits for the printer, so a short story could be read whole first).
    let status = await AskRunner(transport: transport, settings: settings).run(
      prompt: "bench:0+20000", out: out, err: err)
    await transport.shutdown()
    #expect(status == .writeFailed)
    #expect(err.text.contains("cannot write the answer (No space left on device)"))
    let disconnect = await server.waitForDisconnect()
    #expect(disconnect?.path == "/api/chat")
  }

  /// A server's error text is quoted in Ponder's line, never replayed: no escape sequence (a
  /// clipboard write, a title change, a cleared screen) reaches the terminal, and it stays one line.
  @Test func aServersErrorTextCannotDriveTheTerminal() async throws {
    let hostile = #"{"error":"bad\u001b]52;c;aGk=\u0007 model\u001b[2J\nsecond line"}"#
    let server = try ScriptedHTTPServer { request in
      request.path == "/api/chat" ? .json(status: 400, hostile) : ScriptedOllama().handle(request)
    }
    defer { server.stop() }
    let run = await ask("hi", at: server.baseURL, model: "qwen3:8b")
    #expect(run.status == .rejected)
    #expect(!run.err.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
    #expect(run.err.contains("bad\u{FFFD}]52;c;aGk=\u{FFFD} model\u{FFFD}[2J second line"))
    #expect(run.err.split(separator: "\n").count == 1)
  }

  /// A server that stays busy is tried three times, each try said on stderr, then `ask` exits 75
  /// (EX_TEMPFAIL: try again later), not 4 as for a permanent rejection.
  @Test func aServerThatStaysBusyExitsSeventyFive() async throws {
    let server = try ScriptedHTTPServer { request in
      request.path == "/api/chat"
        ? HTTPScript(
          status: 503, headers: [("Retry-After", "0"), ("Content-Type", "application/json")],
          chunks: [.init(#"{"error":"server busy, please try again.  maximum pending requests exceeded"}"#)],
          chunked: false)
        : ScriptedOllama().handle(request)
    }
    defer { server.stop() }
    let transport = AsyncHTTPTransport()
    let err = CapturingSink()
    let retrying = RetryingTransport(transport, clock: ContinuousClock()) { err.note($0) }
    let settings = AskRunner.Settings(
      server: ServerSelection(api: .ollama, host: server.baseURL), model: "qwen3:8b", format: .text, color: false)
    let status = await AskRunner(transport: retrying, settings: settings).run(
      prompt: "hi", out: CapturingSink(), err: err)
    await transport.shutdown()
    #expect(status == .tryLater)
    #expect(status.rawValue == 75)
    #expect(err.text.components(separatedBy: "trying again in 0 s").count == 3)
    #expect(server.recordedRequests.filter { $0.path == "/api/chat" }.count == 3)
    #expect(err.text.contains("maximum pending requests exceeded"))
  }

  @Test func noServerExitsThreeNamingTheHost() async throws {
    let refusing = RefusingPort()
    defer { refusing.close() }
    let url = refusing.baseURL
    let run = await ask("hi", at: url, model: "m")
    #expect(run.status == .cannotConnect)
    #expect(run.err.contains("cannot connect to \(url)"))
  }

  @Test func jsonModePrintsOneObjectPerReleasedEvent() async throws {
    let run = try await ask("hi", model: "llama3.2", format: .json)
    let lines = run.out.split(separator: "\n").map { try? JSONValue.parse(String($0)) }
    #expect(!lines.isEmpty)
    #expect(lines.allSatisfy { $0 != nil })
    let text = lines.compactMap { $0?["type"] == "answer" ? $0?["text"]?.stringValue : nil }.joined()
    #expect(text == ScriptedTurn(prompt: "hi", thinks: false).answerText)
    #expect(lines.last??["type"] == "done")
    #expect(lines.last??["completion_tokens"]?.intValue == ScriptedTurn(prompt: "hi", thinks: false).answerTokens.count)
  }

  @Test func proxyErrorPageIsReducedToItsText() async throws {
    let server = try ScriptedHTTPServer { _ in
      HTTPScript(
        status: 502, headers: [("Content-Type", "text/html")],
        chunks: [.init("<html>\n<h1>502 Bad Gateway</h1>\n</html>")], chunked: false)
    }
    defer { server.stop() }
    let run = await ask("hi", at: server.baseURL, model: "m")
    #expect(run.status == .rejected)
    #expect(run.err.contains("HTTP 502"))
    #expect(run.err.contains("(HTTP 502): 502 Bad Gateway"))
    #expect(!run.err.contains("<"))
  }
}
