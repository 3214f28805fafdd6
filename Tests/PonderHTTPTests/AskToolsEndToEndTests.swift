import Foundation
import PonderCore
import PonderHTTP
import PonderTestSupport
import Testing

@testable import PonderCLI

/// `ponder ask` with tools, against the scripted Ollama server over real HTTP: the model calls a
/// tool, Ponder runs it in the workspace (or refuses), sends the result back, and the answer that
/// quotes it streams to stdout while the tool work is reported on stderr.
@Suite struct AskToolsEndToEndTests {
  struct Run {
    var status: PonderExit
    var out: String
    var err: String
    var requests: [RecordedRequest]
  }

  final class Workspace {
    let root: String
    init() throws {
      root = NSTemporaryDirectory() + "ponder-ask-tools-\(UUID().uuidString)"
      try FileManager.default.createDirectory(atPath: root + "/inside", withIntermediateDirectories: true)
      try "first line of the notes\nsecond line\n".write(
        toFile: root + "/inside/notes.txt", atomically: true, encoding: .utf8)
      try "top secret".write(toFile: root + "/secret.txt", atomically: true, encoding: .utf8)
    }
    deinit { try? FileManager.default.removeItem(atPath: root) }
  }

  func ask(_ prompt: String, flags: [String] = [], format: AskPrinter.Format = .text) async throws -> Run {
    let workspace = try Workspace()
    let server = try ScriptedHTTPServer(handler: ScriptedOllama().handle)
    defer { server.stop() }
    let options = try ToolOptions.parse(["--workspace", workspace.root + "/inside"] + flags)
    let tools = try ToolSession(options: options, config: ConfigFile(), interactive: false)
    let transport = AsyncHTTPTransport()
    let out = CapturingSink()
    let err = CapturingSink()
    let settings = AskRunner.Settings(
      server: ServerSelection(api: .ollama, host: server.baseURL), model: "qwen3:8b", format: format, color: false)
    let status = await AskRunner(transport: transport, settings: settings, tools: tools).run(
      prompt: prompt, out: out, err: err)
    await transport.shutdown()
    return Run(status: status, out: out.text, err: err.text, requests: server.recordedRequests)
  }

  func toolMessage(in run: Run) throws -> JSONValue {
    let followUp = try JSONValue.parse(try #require(run.requests.last { $0.path == "/api/chat" }).body)
    return try #require(followUp["messages"]?.arrayValue?.last)
  }

  @Test func aReadOnlyCallRunsAndTheAnswerQuotesItsResult() async throws {
    let run = try await ask("What is in [[read_file notes.txt]]?")
    #expect(run.status == .done)
    #expect(run.requests.map(\.path) == ["/api/show", "/api/chat", "/api/chat"])
    #expect(
      try toolMessage(in: run) == [
        "role": "tool", "content": "first line of the notes\nsecond line\n", "tool_name": "read_file",
      ])
    #expect(run.out == "read_file returned 36 bytes; it begins: first line of the notes\nThat is what I found.")
    #expect(run.err.contains("[tool] read_file {\"path\":\"notes.txt\"}\n"))
    #expect(run.err.contains("[tool] read_file allowed: read-only\n"))
    #expect(run.err.contains("[tool] read_file ok · 36 bytes · "))
    #expect(run.err.split(separator: "\n").last?.contains("· 1 tool call") == true)
  }

  @Test func aPathOutsideTheWorkspaceIsRefusedAndTheModelIsToldWhy() async throws {
    let run = try await ask("[[read_file ../secret.txt]]")
    #expect(run.status == .done)
    let content = try #require(try toolMessage(in: run)["content"]?.stringValue)
    #expect(content.contains("outside the workspace"))
    #expect(!content.contains("top secret"))
    #expect(run.err.contains("[tool] read_file failed · "))
  }

  @Test func runCommandIsDeniedWithoutAllowAndTheModelIsToldHowToGetIt() async throws {
    let run = try await ask("[[run_command echo hi]]")
    #expect(run.status == .done)
    let content = try #require(try toolMessage(in: run)["content"]?.stringValue)
    #expect(content.contains("--allow run_command"))
    #expect(run.err.contains("[tool] run_command denied: "))
  }

  @Test func allowRunsTheCommandInTheWorkspace() async throws {
    let run = try await ask("[[run_command pwd && echo hi]]", flags: ["--allow", "run_command"])
    #expect(run.status == .done)
    let content = try #require(try toolMessage(in: run)["content"]?.stringValue)
    #expect(content.contains("/inside\n"))
    #expect(content.contains("hi\n"))
    #expect(run.err.contains("[tool] run_command allowed: --allow run_command"))
  }

  @Test func noToolsOffersNoneAndSkipsTheCapabilityCheck() async throws {
    let run = try await ask("[[read_file notes.txt]]", flags: ["--no-tools"])
    #expect(run.status == .done)
    #expect(run.requests.map(\.path) == ["/api/chat"])
    let request = try JSONValue.parse(try #require(run.requests.first).body)
    #expect(request["tools"] == nil)
    #expect(!run.err.contains("[tool]"))
  }

  @Test func jsonModeReportsEachStepAsAnObject() async throws {
    let run = try await ask("What is in [[read_file notes.txt]]?", format: .json)
    #expect(run.status == .done)
    let types = run.out.split(separator: "\n").compactMap { try? JSONValue.parse(Array($0.utf8))["type"]?.stringValue }
    #expect(types.first == "reasoning")
    #expect(types.contains("tool_call"))
    #expect(types.firstIndex(of: "tool_call")! < types.firstIndex(of: "tool_approval")!)
    #expect(types.firstIndex(of: "tool_approval")! < types.firstIndex(of: "tool_result")!)
    #expect(types.firstIndex(of: "tool_result")! < types.firstIndex(of: "answer")!)
    #expect(types.last == "done")
    let result = try #require(run.out.split(separator: "\n").first { $0.contains(#""type":"tool_result""#) })
    let object = try JSONValue.parse(Array(result.utf8))
    #expect(object["status"] == "ok")
    #expect(object["bytes"] == 36)
    #expect(object["content"] == "first line of the notes\nsecond line\n")
  }
}
