import Foundation
import PonderCore
import PonderHTTP
import PonderTestSupport
import PonderTools
import Testing

/// A scripted Ollama server, reached over real HTTP (`AsyncHTTPTransport`), asks for `read_file` on a file in a temporary workspace; the follow-up
/// request must carry the file's exact content as a `role: tool` message, and the answer streams.
@Suite struct ScriptedServerToolTests {
  static let content = "Line 1: café 東京 🙂\n\"quoted\" \\ back\\slash\n\ttab\nno final newline"

  /// Answers a request without tool results with a `read_file` call, and one with them with an answer.
  static func handler(path: String) -> ScriptedHTTPServer.Handler {
    { request in
      let body = (try? JSONValue.parse(request.body)) ?? .null
      let messages = body["messages"]?.arrayValue ?? []
      guard let result = messages.last(where: { $0["role"] == "tool" }) else {
        let call = ToolCall(id: "call_k3j2x9ab", name: "read_file", arguments: ["path": .string(path)])
        return .ndjson(
          [OllamaLines.thinking("I should read the file."), OllamaLines.toolCalls([call]), OllamaLines.done].map {
            $0 + "\n"
          })
      }
      let size = result["content"]?.stringValue?.utf8.count ?? 0
      return .ndjson(
        [OllamaLines.content("The file has "), OllamaLines.content("\(size) bytes."), OllamaLines.done].map {
          $0 + "\n"
        })
    }
  }

  @Test func theFollowUpCarriesTheFilesExactContentAndTheAnswerStreams() async throws {
    let temp = try TempWorkspace()
    try temp.write("docs/notes.txt", Self.content)
    let server = try ScriptedHTTPServer(handler: Self.handler(path: "docs/notes.txt"))
    defer { server.stop() }
    let api = OllamaAPI(host: OllamaHost(environmentValue: server.baseURL))
    let recorder = EventRecorder()
    let transport = AsyncHTTPTransport()
    let coordinator = ToolStreamingCoordinator(
      transport: transport, makeRequest: { api.chatRequest($0) }, makeDecoder: { OllamaChatDecoder() },
      registry: .builtIn(), context: temp.context, policy: ApprovalPolicy(isInteractive: false), approve: { _ in .deny }
    )
    let outcome = await coordinator.run(
      ChatRequest(model: "qwen3:8b", messages: [.user("What is in docs/notes.txt?")]), toolsSupported: true,
      emit: recorder.sink)
    await transport.shutdown()

    let requests = server.recordedRequests
    #expect(requests.map(\.path) == ["/api/chat", "/api/chat"])
    let followUp = try JSONValue.parse(try #require(requests.last).body)
    let messages = try #require(followUp["messages"]?.arrayValue)
    #expect(messages.count == 3)
    #expect(
      messages[1]
        == [
          "role": "assistant", "content": "", "thinking": "I should read the file.",
          "tool_calls": [
            ["id": "call_k3j2x9ab", "function": ["name": "read_file", "arguments": ["path": "docs/notes.txt"]]]
          ],
        ])
    #expect(
      messages[2] == [
        "role": "tool", "content": .string(Self.content), "tool_name": "read_file", "tool_call_id": "call_k3j2x9ab",
      ])
    #expect(followUp["tools"]?.arrayValue?.count == 6)

    let answer = "The file has \(Self.content.utf8.count) bytes."
    #expect(outcome.ending == .answered(OllamaLines.stats))
    #expect(outcome.messages.last == .assistant(answer))
    let streamed = await recorder.events.compactMap { event -> String? in
      if case .stream(.answer(let text)) = event { text } else { nil }
    }
    #expect(streamed.joined() == answer)
  }

  @Test func aSymlinkOutOfTheWorkspaceIsRefusedAndTheModelIsToldWhy() async throws {
    let temp = try TempWorkspace()
    try temp.write("secret.txt", "top secret", in: temp.outside)
    try temp.symlink("innocent.txt", to: temp.outside + "/secret.txt")
    let server = try ScriptedHTTPServer(handler: Self.handler(path: "innocent.txt"))
    defer { server.stop() }
    let api = OllamaAPI(host: OllamaHost(environmentValue: server.baseURL))
    let transport = AsyncHTTPTransport()
    let coordinator = ToolStreamingCoordinator(
      transport: transport, makeRequest: { api.chatRequest($0) }, makeDecoder: { OllamaChatDecoder() },
      registry: .builtIn(), context: temp.context, policy: ApprovalPolicy(isInteractive: false), approve: { _ in .deny }
    )
    _ = await coordinator.run(
      ChatRequest(model: "m", messages: [.user("read it")]), toolsSupported: true, emit: { _ in })
    await transport.shutdown()
    let followUp = try JSONValue.parse(try #require(server.recordedRequests.last).body)
    let result = try #require(followUp["messages"]?.arrayValue?.last)
    let text = try #require(result["content"]?.stringValue)
    #expect(
      text.hasPrefix(
        "path \"innocent.txt\" is outside the workspace (\(temp.workspace.root)): it leads through a symbolic link to"))
    #expect(!text.contains("top secret"))
    #expect(result["role"] == "tool")
  }
}
