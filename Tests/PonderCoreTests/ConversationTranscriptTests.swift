import PonderCore
import Testing

@Suite struct ConversationTranscriptTests {
  static let conversation = SavedConversation(
    summary: ConversationSummary(
      id: 5, title: "Files", model: "qwen3:8b", host: "http://127.0.0.1:11434", api: "ollama", createdAt: 0,
      updatedAt: 0,
      messageCount: 5),
    settings: ConversationSettings(system: "Be brief.", think: .level(.low), options: ["temperature": 0.2]),
    messages: [
      StoredMessage(message: .user("What is in notes.md?")),
      StoredMessage(
        message: ChatMessage(
          role: .assistant, content: "", thinking: "I should read it.",
          toolCalls: [ToolCall(id: "c1", name: "read_file", arguments: ["path": "notes.md"])]), model: "qwen3:8b"),
      StoredMessage(
        message: ChatMessage(role: .tool, content: "```\nsecret\n```", toolName: "read_file", toolCallID: "c1")),
      StoredMessage(
        message: .assistant("It holds a code block."), status: .cutOff,
        stats: MessageStats(doneReason: "length", completionTokens: 12, tokensPerSecond: 30, elapsedMilliseconds: 1500),
        model: "qwen3:8b"),
    ])

  @Test func markdownReadsAsADocument() {
    let text = MarkdownTranscript.render(Self.conversation)
    #expect(text.hasPrefix("# Files\n\n_conversation 5 · "))
    #expect(text.contains("model `qwen3:8b`"))
    #expect(text.contains("**System prompt**\n\n> Be brief."))
    #expect(text.contains("## You\n\nWhat is in notes.md?"))
    #expect(text.contains("<details>\n<summary>Reasoning</summary>\n\nI should read it.\n\n</details>"))
    #expect(text.contains("Tool call `read_file`:\n\n```\n{\"path\":\"notes.md\"}\n```"))
    // A result holding a fence gets a longer fence, so it cannot end the block early.
    #expect(text.contains("<summary>Result of `read_file`</summary>\n\n````\n```\nsecret\n```\n````"))
    #expect(text.contains("> ⚠ cut off by the length limit"))
    #expect(text.contains("_12 tokens · 30.0 tok/s · 1.5 s_"))
  }

  @Test func jsonKeepsEveryMessageWithReasoningToolCallsAndStatistics() throws {
    let value = try JSONValue.parse(JSONTranscript.render(Self.conversation))
    #expect(value["id"]?.intValue == 5)
    #expect(value["think"]?.stringValue == "low")
    #expect(value["options"]?["temperature"]?.doubleValue == 0.2)
    let messages = try #require(value["messages"]?.arrayValue)
    #expect(messages.count == 4)
    #expect(messages[1]["reasoning"]?.stringValue == "I should read it.")
    #expect(messages[1]["tool_calls"]?.arrayValue?.first?["name"]?.stringValue == "read_file")
    #expect(messages[2]["tool_call_id"]?.stringValue == "c1")
    #expect(messages[3]["status"]?.stringValue == "cut_off")
    #expect(messages[3]["stats"]?["completion_tokens"]?.intValue == 12)
  }

  @Test func toolCallsSurviveTheirStoredText() {
    let calls = [
      ToolCall(id: "a", name: "x", arguments: ["k": [1, 2]]), ToolCall(name: "y", argumentsError: "bad json"),
    ]
    #expect(ToolCall.calls(fromStoredText: ToolCall.storedText(calls)) == calls)
    #expect(ToolCall.storedText([]) == nil)
    #expect(ToolCall.calls(fromStoredText: "not json").isEmpty)
  }

  @Test func statusesFollowHowAResponseEnded() {
    #expect(MessageStatus.of(.done(GenerationStats(doneReason: "stop"))) == .complete)
    #expect(MessageStatus.of(.done(GenerationStats(doneReason: "length"))) == .cutOff)
    #expect(MessageStatus.of(.done(GenerationStats(doneReason: "max_tokens"))) == .cutOff)
    #expect(MessageStatus.of(.error(ChatError(.cancelled, "x"))) == .cancelled)
    #expect(MessageStatus.of(.error(ChatError(.truncated, "x"))) == .failed)
  }

  @Test func aTurnRecordPutsTheEndingOnItsLastAnswer() {
    let call = ToolCall(id: "c", name: "t")
    let tool = ChatMessage(role: .tool, content: "r", toolName: "t", toolCallID: "c")
    let answered = TurnRecord.messages(
      added: [ChatMessage(role: .assistant, content: "", toolCalls: [call]), tool, .assistant("done")],
      ending: .done(GenerationStats(doneReason: "length")), stats: MessageStats(completionTokens: 3), model: "m")
    #expect(answered.map(\.status) == [.complete, .complete, .cutOff])
    #expect(answered.last?.stats.completionTokens == 3)
    // Cancelled after a tool ran and before the model answered: an empty answer carries the status.
    let cancelled = TurnRecord.messages(
      added: [ChatMessage(role: .assistant, content: "", toolCalls: [call]), tool],
      ending: .error(ChatError(.cancelled, "cancelled")), stats: MessageStats(), model: "m")
    #expect(cancelled.map(\.message.role) == [.assistant, .tool, .assistant])
    #expect(cancelled.last?.status == .cancelled)
    let failed = TurnRecord.messages(
      added: [], ending: .error(ChatError(.server, "boom")), stats: MessageStats(), model: "m")
    #expect(failed.last?.error == "server error: boom")
  }

  @Test func titlesAndThinkSettings() {
    #expect(SavedConversation.title(from: "\n\n  Why is the sky blue?  \nmore") == "Why is the sky blue?")
    #expect(SavedConversation.title(from: String(repeating: "a", count: 200)).count == 80)
    #expect(SavedConversation.title(from: "   ") == "(untitled)")
    for setting in [ThinkSetting.enabled(true), .enabled(false), .level(.low), .level(.medium), .level(.high)] {
      #expect(ThinkSetting(storedValue: setting.storedValue) == setting)
    }
    #expect(ThinkSetting(storedValue: "maybe") == nil)
  }

  @Test func theDatabaseLivesInXDGDataHome() {
    #expect(DataLocation.databasePath(environment: ["HOME": "/home/u"]) == "/home/u/.local/share/ponder/ponder.sqlite")
    #expect(
      DataLocation.databasePath(environment: ["HOME": "/home/u", "XDG_DATA_HOME": "/d"]) == "/d/ponder/ponder.sqlite")
    #expect(
      DataLocation.databasePath(environment: ["HOME": "/home/u", "XDG_DATA_HOME": "relative"])
        == "/home/u/.local/share/ponder/ponder.sqlite")
    #expect(DataLocation.databasePath(environment: ["PONDER_DB": "/tmp/x.sqlite"]) == "/tmp/x.sqlite")
    #expect(DataLocation.databasePath(environment: [:]) == nil)
    #expect(CalendarTime.ago(1000, now: 1030) == "just now")
    #expect(CalendarTime.ago(1000, now: 1000 + 5 * 60) == "5 min ago")
    #expect(CalendarTime.ago(1000, now: 1000 + 3 * 3600) == "3 h ago")
    #expect(CalendarTime.ago(1000, now: 1000 + 30 * 3600) == "yesterday")
  }
}
