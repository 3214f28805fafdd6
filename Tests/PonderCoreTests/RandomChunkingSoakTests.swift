import Foundation
import PonderCore
import PonderTestSupport
import Testing

/// Opt-in (`PONDER_SLOW_TESTS=1`): each protocol's fixtures through a million random chunkings,
/// every one compared with the events of the whole input. The seed is printed and
/// `PONDER_CHUNKING_SEED` repeats a run; the cheap chunkings of every test stay in
/// ``DecoderVerifier``, and libFuzzer's search is `scripts/fuzz`.
@Suite struct RandomChunkingSoakTests {
  static let chunkings = 1_000_000

  enum Wire: String, CaseIterable, Sendable {
    case ollama, openai, think, anthropic, pull
  }

  @Test(.enabled(if: ProcessInfo.processInfo.environment["PONDER_SLOW_TESTS"] == "1"), arguments: Wire.allCases)
  func aMillionRandomChunkingsGiveTheWholeInputsEvents(_ wire: Wire) {
    let seed =
      ProcessInfo.processInfo.environment["PONDER_CHUNKING_SEED"].flatMap { UInt64($0) }
      ?? UInt64.random(in: 0...UInt64.max)
    print("\(wire): \(Self.chunkings) random chunkings, seed \(seed) (PONDER_CHUNKING_SEED=\(seed) repeats them)")
    switch wire {
    case .ollama:
      soak(wire, seed: seed, fixtures: ["ollama"]) { DecoderVerifier.events(chunks: $0, decoder: OllamaChatDecoder()) }
    case .openai:
      soak(wire, seed: seed, fixtures: ["openai", "captured/llama-openai.sse"]) {
        DecoderVerifier.events(chunks: $0, decoder: OpenAIChatDecoder())
      }
    case .think:
      soak(wire, seed: seed, fixtures: ["think"]) {
        DecoderVerifier.events(chunks: $0, decoder: ThinkTagFilter(OpenAIChatDecoder()))
      }
    case .anthropic:
      soak(wire, seed: seed, fixtures: ["anthropic", "captured/llama-anthropic.sse"]) {
        DecoderVerifier.events(chunks: $0, decoder: AnthropicDecoder())
      }
    case .pull:
      soak(wire, seed: seed, fixtures: ["pull"]) { chunks in
        var decoder = OllamaPullDecoder()
        return chunks.flatMap { decoder.decode($0) } + decoder.finish()
      }
    }
  }

  /// Cuts the fixtures round-robin into reads of 1 to `longest` bytes, `longest` itself drawn
  /// from 1 byte to the whole fixture, and stops at the first chunking that changes the events.
  private func soak<Events: Equatable>(
    _ wire: Wire, seed: UInt64, fixtures: [String], decode: ([[UInt8]]) -> Events
  ) {
    let inputs = fixtures.flatMap(Self.fixtureFiles).map { (name: $0, bytes: Fixtures.bytes($0)) }
    #expect(!inputs.isEmpty)
    let references = inputs.map { decode([$0.bytes]) }
    var random = SplitMix64(seed: seed)
    for round in 0..<Self.chunkings {
      let which = round % inputs.count
      let bytes = inputs[which].bytes
      let longest = [1, 2, 3, 8, 64, 512, bytes.count][Int(random.next() % 7)]
      let chunks = DecoderVerifier.randomChunks(of: bytes, longest: longest, using: &random)
      let events = decode(chunks)
      if events != references[which] {
        Issue.record(
          "\(wire) seed \(seed) round \(round) \(inputs[which].name): reads of \(chunks.map(\.count)) gave \(events), whole \(references[which])"
        )
        return
      }
    }
  }

  /// The fixture files under `path` (a folder of Fixtures/ or one file), sorted.
  private static func fixtureFiles(_ path: String) -> [String] {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(path).path)
    else { return [path] }
    return names.sorted().map { "\(path)/\($0)" }
  }
}
