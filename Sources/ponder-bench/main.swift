import Foundation
import PonderCore
import PonderTestSupport

// Benchmarks that print numbers (never asserted in tests). Run with `scripts/bench` (release build).

/// CPU time of this process, in seconds.
func cpuSeconds() -> Double {
  var usage = rusage()
  getrusage(RUSAGE_SELF.rawValue, &usage)
  let user = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
  let system = Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
  return user + system
}

func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

/// A realistic Ollama token stream: one record per token, thinking then content, like qwen3.
func tokenStream(tokens: Int) -> [[UInt8]] {
  let words = [
    "The", " user", " asks", " about", " the", " weather", " in", " Oslo", ",", " so", " I", " should",
    " check", " café", " 東京", " 🙂", "\n", " `code`", " and", " answer", " briefly", ".",
  ]
  var records: [[UInt8]] = []
  for index in 0..<tokens {
    let word = words[index % words.count]
    let escaped = JSONValue.string(word).serialized
    let thinking = index < tokens / 3
    let message =
      thinking
      ? #"{"role":"assistant","content":"","thinking":\#(escaped)}"#
      : #"{"role":"assistant","content":\#(escaped)}"#
    let line =
      #"{"model":"qwen3:8b","created_at":"2025-10-01T09:12:03.\#(100_000_000 + index)Z","message":\#(message),"done":false}"#
      + "\n"
    records.append(Array(line.utf8))
  }
  records.append(
    Array(
      #"{"model":"qwen3:8b","created_at":"2025-10-01T09:12:09.31Z","message":{"role":"assistant","content":""},"done":true,"done_reason":"stop","total_duration":4883583458,"load_duration":1334875,"prompt_eval_count":26,"prompt_eval_duration":342546000,"eval_count":282,"eval_duration":4535599000}"#
        .utf8 + [10]))
  return records
}

func benchDecoder() {
  let records = tokenStream(tokens: 50_000)
  let whole = records.flatMap { $0 }
  let megabytes = Double(whole.count) / 1e6
  for (name, reads) in [
    ("one record per read", records), ("64 KiB reads", DecoderVerifier.chunked(whole, size: 65536)),
  ] {
    var rates: [Double] = []
    var eventCount = 0
    for _ in 0..<7 {
      let start = cpuSeconds()
      var decoder = OllamaChatDecoder()
      eventCount = 0
      for read in reads { eventCount += decoder.decode(read).count }
      eventCount += decoder.finish().count
      rates.append(megabytes / (cpuSeconds() - start))
    }
    print(
      String(
        format: "decode  %-20@ %7.1f MB/s  (%.1f MB, %d records, %d events, median of 7)", name as NSString,
        median(rates), megabytes, records.count, eventCount))
  }
}

func benchBuffer() {
  var rates: [Double] = []
  for _ in 0..<7 {
    var buffer = ResponseBuffer<ManualClock.Instant>()
    let start = cpuSeconds()
    var released = 0
    for index in 0..<10_000 {
      // One token every 5 ms of simulated time (200 tok/s): a release every 10 tokens.
      let now = ManualClock.Instant(offset: .milliseconds(index * 5))
      buffer.append(index % 3 == 0 ? .reasoning(" tok") : .answer(" tok"))
      released += buffer.releaseIfDue(at: now).count
    }
    _ = buffer.release(at: ManualClock.Instant(offset: .seconds(60)))
    rates.append((cpuSeconds() - start) * 1e6)
    precondition(released > 0)
  }
  print(
    String(format: "buffer  ResponseBuffer append+release: %.0f µs CPU per 10k events (median of 7)", median(rates)))
  // Paused: nothing is released and the held answer grows to the 1 MiB cap, 4 bytes a token.
  var paused: [Double] = []
  for _ in 0..<3 {
    var buffer = ResponseBuffer<ManualClock.Instant>()
    let start = cpuSeconds()
    for _ in 0..<(1 << 18) { buffer.append(.answer(" tok")) }
    paused.append(cpuSeconds() - start)
    precondition(buffer.pendingBytes == 1 << 20)
  }
  print(String(format: "buffer  paused backlog, 1 MiB in 262,144 tokens: %.3f s CPU (median of 3)", median(paused)))
}

let only = CommandLine.arguments.dropFirst().first
if only == nil || only == "decode" { benchDecoder() }
if only == nil || only == "buffer" { benchBuffer() }
if only == nil || only == "tui" { await MainActor.run { benchTUI() } }
if only == nil || only == "lag" { await benchLag() }
if only == nil || only == "store" { benchStore() }
