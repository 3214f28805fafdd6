import Foundation
import PonderCore
import PonderHTTP
import PonderScreen
import PonderTerminal
import PonderTestSupport

/// Real sockets and a real clock: the scripted server streams at 50 tok/s; each token's lag is
/// the time from its arrival to the end of writing the frame that shows it.
@MainActor
func benchLag(tokensPerSecond: Double = 50) async {
  let ollama = ScriptedOllama(tokensPerSecond: tokensPerSecond)
  guard let server = try? ScriptedHTTPServer(handler: ollama.handle) else { return }
  defer { server.stop() }
  let path = NSTemporaryDirectory() + "ponder-lag-\(getpid()).out"
  defer { try? FileManager.default.removeItem(atPath: path) }
  guard
    let terminal = try? CursesTerminal(
      theme: BuiltInTheme.defaultDark, useColor: true, output: .file(path: path, width: 120, height: 40))
  else { return }
  let transport = AsyncHTTPTransport()
  let arrivals = ArrivalLog()
  let clock = ContinuousClock()
  let started = clock.now
  var state = AppState(width: 120, height: 40, model: "qwen3:8b", hostLabel: server.baseURL)
  let request = ChatRequest(model: "qwen3:8b", messages: [.user("tell a long story")])
  let batches = StreamingClient(transport: transport).events(
    for: OllamaAPI(host: OllamaHost(environmentValue: server.baseURL)).chatRequest(request),
    decoder: TimingDecoder(log: arrivals))
  // The production path: the reader feeds the pump as the turn coordinator does.
  let (pump, outputs) = ResponsePump.streaming(clock: clock)
  let reader = Task {
    for await batch in batches {
      await pump.feed(
        batch.map { event in
          guard case .done(let stats) = event else { return .stream(event) }
          return .turnEnded(ToolTurnOutcome(messages: [], ending: .answered(stats), steps: 0))
        })
    }
    await pump.finishFeeding()
  }
  var previous: CellGrid?
  var frames: [(time: ContinuousClock.Instant, shown: Int)] = []
  var shown = 0
  for character in "tell a long story" {
    _ = state.update(.key(.character(character)), at: AppTime(monotonic: clock.now - started, wallClock: ""))
  }
  _ = state.update(.key(.enter), at: AppTime(monotonic: clock.now - started, wallClock: ""))
  for await output in outputs {
    guard case .release(let batch) = output else { continue }
    _ = state.update(.stream(batch), at: AppTime(monotonic: clock.now - started, wallClock: ""))
    var grid = CellGrid(width: 120, height: 40)
    Screen.render(state, into: &grid)
    terminal.present(grid, previous: previous)
    previous = grid
    shown += batch.fragments.reasoning + batch.fragments.answer
    frames.append((clock.now, shown))
  }
  await reader.value
  terminal.shutdown()
  await transport.shutdown()
  let times = arrivals.all
  var lags: [Double] = []
  var frameIndex = 0
  for (index, arrival) in times.enumerated() {
    while frameIndex < frames.count, frames[frameIndex].shown <= index { frameIndex += 1 }
    guard frameIndex < frames.count else { break }
    lags.append((frames[frameIndex].time - arrival).seconds * 1000)
  }
  lags.sort()
  guard !lags.isEmpty else { return }
  func percentile(_ p: Double) -> Double { lags[min(lags.count - 1, Int(Double(lags.count) * p))] }
  print(
    String(
      format:
        "lag     network → screen at %.0f tok/s over real sockets, %d tokens, %d frames: median %.1f ms, p95 %.1f ms, max %.1f ms",
      tokensPerSecond, lags.count, frames.count, percentile(0.5), percentile(0.95), lags.last ?? 0))
}
