import Foundation
import PonderCore
import PonderScreen
import PonderTerminal
import PonderTestSupport

/// Streams tokens through ResponseBuffer → AppState → grid → ncurses (writing to a file, as an
/// xterm-256color would receive it), on a simulated clock at `rate` tokens/s.
@MainActor
struct TUIBench {
  struct Result {
    var cpuSeconds: Double
    var terminalBytes: Int
    var textBytes: Int
    var frames: Int
    var historyRenderSeconds: Double
  }

  var width: Int
  var height: Int
  var tokens: Int
  var historyTokens = 0
  var rate = 50.0

  func run() throws -> Result {
    let path = NSTemporaryDirectory() + "ponder-bench-\(getpid())-\(width)x\(height).out"
    defer { try? FileManager.default.removeItem(atPath: path) }
    let terminal = try CursesTerminal(
      theme: BuiltInTheme.defaultDark, useColor: true, output: .file(path: path, width: width, height: height))
    var state = AppState(width: width, height: height, model: "qwen3:8b", hostLabel: "http://127.0.0.1:11434")
    var now = Duration.zero
    func time() -> AppTime { AppTime(monotonic: now, wallClock: "09:12:03") }
    var previous: CellGrid?
    var frames = 0
    let dumpFrames = ProcessInfo.processInfo.environment["PONDER_BENCH_DUMP_FRAMES"]
    func present() {
      var grid = CellGrid(width: width, height: height)
      Screen.render(state, into: &grid)
      let before = fileSize(path)
      terminal.present(grid, previous: previous)
      previous = grid
      frames += 1
      if let dump = dumpFrames, frames > 2000, frames < 2000 + (Int(dump) ?? 0),
        let handle = FileHandle(forReadingAtPath: path)
      {
        handle.seek(toFileOffset: UInt64(before))
        let bytes = handle.readDataToEndOfFile()
        let shown = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\u{1B}", with: "⎋")
        print("frame \(frames): \(bytes.count) bytes: \(shown)")
      }
    }
    // Earlier conversation: whole turns through the reducer, drawn once.
    var historyLeft = historyTokens
    while historyLeft > 0 {
      let count = min(2000, historyLeft)
      for character in "an earlier question" { _ = state.update(.key(.character(character)), at: time()) }
      _ = state.update(.key(.enter), at: time())
      let text = (0..<count).map(TokenText.token).joined()
      _ = state.update(
        .stream(
          ResponseBatch(
            events: [.answer(text), .done(GenerationStats(doneReason: "stop"))],
            fragments: FragmentCounts(answer: count))), at: time())
      historyLeft -= count
    }
    let historyStart = cpuSeconds()
    present()
    let historyRender = cpuSeconds() - historyStart
    let startBytes = fileSize(path)

    let start = cpuSeconds()
    for character in "Why is the sky blue?" { _ = state.update(.key(.character(character)), at: time()) }
    _ = state.update(.key(.enter), at: time())
    present()
    var buffer = ResponseBuffer<ManualClock.Instant>()
    var textBytes = 0
    let step = Duration.nanoseconds(Int64(1e9 / rate))
    var nextTick = now + .milliseconds(500)
    for index in 0..<tokens {
      now += step
      let token = TokenText.token(index)
      textBytes += token.utf8.count
      buffer.append(index < tokens / 4 ? .reasoning(token) : .answer(token))
      let instant = ManualClock.Instant(offset: now)
      if buffer.isDue(at: instant) {
        _ = state.update(.stream(buffer.releaseBatch(at: instant)), at: time())
        present()
      }
      if now >= nextTick {
        _ = state.update(.tick, at: time())
        present()
        nextTick += .milliseconds(500)
      }
    }
    buffer.append(.done(GenerationStats(doneReason: "stop", completionTokens: tokens)))
    _ = state.update(.stream(buffer.releaseBatch(at: ManualClock.Instant(offset: now))), at: time())
    present()
    let cpu = cpuSeconds() - start
    terminal.shutdown()
    return Result(
      cpuSeconds: cpu, terminalBytes: fileSize(path) - startBytes, textBytes: textBytes, frames: frames,
      historyRenderSeconds: historyRender)
  }

  func fileSize(_ path: String) -> Int {
    ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
  }
}

@MainActor
func benchTUI() {
  print("tui     10k tokens at 50 tok/s (simulated clock) through buffer → state → grid → ncurses → file:")
  for (width, height)
    in (ProcessInfo.processInfo.environment["PONDER_BENCH_QUICK"] != nil ? [(80, 24)] : [(80, 24), (200, 60)])
  {
    for history in (ProcessInfo.processInfo.environment["PONDER_BENCH_QUICK"] != nil ? [0] : [0, 100_000]) {
      guard let result = try? TUIBench(width: width, height: height, tokens: 10_000, historyTokens: history).run()
      else {
        print("tui     could not start curses")
        return
      }
      print(
        String(
          format:
            "tui     %3dx%-3d history %6d tok: %6.1f ms CPU per 10k tokens, %5d frames, %.2f terminal bytes per text byte (%d / %d)%@",
          width, height, history, result.cpuSeconds * 1000, result.frames,
          Double(result.terminalBytes) / Double(result.textBytes),
          result.terminalBytes, result.textBytes,
          history > 0
            ? String(format: ", first draw of the history %.1f ms", result.historyRenderSeconds * 1000) as NSString
            : "" as NSString))
    }
  }
  if let answer = try? TUIBench(width: 120, height: 40, tokens: 2000).run() {
    print(
      String(
        format:
          "tui     a 2000-token answer (%.1f KB) at 120x40: %.3f CPU-seconds, %.1f KB written to the terminal (%.2f bytes per text byte)",
        Double(answer.textBytes) / 1024, answer.cpuSeconds, Double(answer.terminalBytes) / 1024,
        Double(answer.terminalBytes) / Double(answer.textBytes)))
  }
}
