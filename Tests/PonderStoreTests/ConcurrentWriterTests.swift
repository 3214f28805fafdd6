import Foundation
import PonderCore
import Testing

@testable import PonderStore

/// Two connections on one file (as a chat and an `ask` in two processes): both write, neither
/// sees "database is locked".
@Suite struct ConcurrentWriterTests {
  let temporary = TemporaryDatabase()

  @Test func twoStoresStreamingAtOnceBothSaveEverything() async throws {
    let first = try ConversationStore.open(path: temporary.path)
    let second = try ConversationStore.open(path: temporary.path)
    let releases = 300
    async let a: Void = Self.stream(into: first, releases: releases, word: "alpha")
    async let b: Void = Self.stream(into: second, releases: releases, word: "beta")
    _ = try await (a, b)
    let reader = try ConversationStore.open(path: temporary.path)
    let all = try reader.recentConversations()
    #expect(all.count == 2)
    for summary in all {
      let answer = try #require(try reader.conversation(summary.id).messages.last)
      #expect(answer.status == .complete)
      #expect(answer.message.content.split(separator: " ").count == releases)
    }
    #expect(try reader.integrityCheck() == "ok")
  }

  private static func stream(into store: ConversationStore, releases: Int, word: String) async throws {
    try await Task.detached {
      let id = try store.createConversation(
        title: word, host: "", api: "", model: "m", settings: ConversationSettings())
      let answer = try store.beginAnswer(in: id, model: "m")
      var text = ""
      for seq in 0..<releases {
        try store.appendChunk(to: answer, seq: seq, reasoning: "", answer: "\(word) ")
        text += "\(word) "
      }
      try store.finishAnswer(answer, in: id, with: [StoredMessage(message: .assistant(text))])
    }.value
  }
}
