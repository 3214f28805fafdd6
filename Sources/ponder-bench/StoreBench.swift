import Foundation
import PonderCore
import PonderStore

/// The autosave's cost at its most frequent: one ConversationRecorder write per ResponseBuffer
/// release (a 50 tok/s stream released every 50 ms carries ~2.5 tokens a release; the chat
/// gathers releases for 250 ms, so it writes a fifth as often), timed on the recorder's queue,
/// and the file's size per 100k tokens of answer and reasoning.
func benchStore() {
  let folder = NSTemporaryDirectory() + "ponder-bench-store-\(getpid())"
  defer { try? FileManager.default.removeItem(atPath: folder) }
  guard let store = try? ConversationStore.open(path: folder + "/ponder.sqlite") else {
    print("store   cannot open a database in \(folder)")
    return
  }
  let recorder = ConversationRecorder(
    store: store, host: "http://127.0.0.1:11434", api: "ollama", saveInterval: .zero
  ) { report in
    if case .failed(let reason) = report { print("store   failed: \(reason)") }
  }
  let words = syntheticVocabulary()
  let tokensPerTurn = 10_000
  let tokensPerRelease = 3
  let turns = 10
  let started = cpuSeconds()
  var releases = 0
  var seed: UInt64 = 0x5EED
  for turn in 0..<turns {
    recorder.startTurn(
      prompt: .user("question \(turn): tell a long story"), model: "qwen3:8b", settings: ConversationSettings())
    var reasoning = ""
    var answer = ""
    var index = 0
    while index < tokensPerTurn {
      var text = ""
      for _ in 0..<tokensPerRelease { text += words[nextWordIndex(&seed, count: words.count)] }
      let thinking = index < tokensPerTurn / 3
      if thinking { reasoning += text } else { answer += text }
      recorder.record(ResponseBatch(events: [thinking ? .reasoning(text) : .answer(text)]))
      index += tokensPerRelease
      releases += 1
    }
    recorder.finishTurn(
      TurnRecord.messages(
        added: [.assistant(answer, thinking: reasoning)], ending: .done(GenerationStats(doneReason: "stop")),
        stats: MessageStats(completionTokens: tokensPerTurn), model: "qwen3:8b"))
  }
  recorder.flush()
  let cpu = cpuSeconds() - started
  let timings = recorder.chunkTimings().map { Double($0) / 1000 }.sorted()
  guard !timings.isEmpty else { return }
  let mean = timings.reduce(0, +) / Double(timings.count)
  let p99 = timings[min(timings.count - 1, timings.count * 99 / 100)]
  print(
    String(
      format: "store   autosave per release: mean %.1f µs, median %.1f µs, p99 %.1f µs (%d releases of %d tokens)",
      mean, median(timings), p99, timings.count, tokensPerRelease))
  print(
    String(
      format:
        "store   at 50 tok/s (20 releases/s): %.3f%% of a core; whole run %.2f CPU-s for %d releases = %.1f µs each",
      mean * 20 / 1e4, cpu, releases, cpu * 1e6 / Double(releases)))
  let tokens = Double(turns * tokensPerTurn)
  let beforeCheckpoint = store.fileSize()
  try? store.checkpoint()
  let main = (try? FileManager.default.attributesOfItem(atPath: store.path)[.size] as? Int64) ?? 0
  print(
    String(
      format:
        "store   database size: %.2f MB per 100k tokens (text + FTS index, after a checkpoint; %.1f MB of file and write-ahead log before it), %d turns of %d tokens",
      Double(main) / 1e6 * 100_000 / tokens, Double(beforeCheckpoint) / 1e6, turns, tokensPerTurn))
}

/// 20,000 made-up words (2–10 letters, some with accents), drawn with a skew like natural
/// text's: a few words very often, most rarely — so the full-text index grows as it would.
func syntheticVocabulary() -> [String] {
  var seed: UInt64 = 42
  let letters = Array("etaoinshrdlucmfwypvbgkqjxzéü")
  return (0..<20_000).map { rank in
    let length = 2 + Int(next(&seed) % 9)
    let word = String((0..<length).map { _ in letters[Int(next(&seed) % UInt64(letters.count))] })
    return rank % 17 == 0 ? word + ".\n" : " " + word
  }
}

func nextWordIndex(_ seed: inout UInt64, count: Int) -> Int {
  let uniform = Double(next(&seed) % 1_000_000) / 1_000_000
  return min(count - 1, Int(uniform * uniform * uniform * Double(count)))
}

func next(_ seed: inout UInt64) -> UInt64 {
  seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
  return seed >> 33
}
