import PonderCore
import Testing

/// One decoder's fixtures read under every chunking: a decoder suite keeps one as `verified`
/// and asks it for a fixture's events (`await verified("openai/plain.sse")`), so the check and
/// how a mismatch is reported live in one place (`DecoderVerifier.verified`).
public struct VerifiedDecoding<D: StreamDecoder>: Sendable {
  private let makeDecoder: @Sendable () -> D
  private let folder: String
  private let file: String

  /// - Parameters:
  ///   - folder: prefixed to fixture names (`"ollama"` reads `ollama/NAME`).
  ///   - file: the test file whose `Fixtures` folder holds the fixtures.
  public init(
    fixtures folder: String = "", besides file: String = #filePath, _ makeDecoder: @escaping @Sendable () -> D
  ) {
    self.makeDecoder = makeDecoder
    self.folder = folder
    self.file = file
  }

  /// The events of the fixture `name`; a chunking that disagrees is an issue at the caller.
  public func callAsFunction(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) async -> [StreamEvent] {
    let path = folder.isEmpty ? name : "\(folder)/\(name)"
    let bytes = Fixtures.bytes(path, besides: file)
    return await DecoderVerifier.verified(bytes, decoder: makeDecoder, sourceLocation: sourceLocation)
  }

  /// The events of `bytes`, checked the same way.
  public func callAsFunction(bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) async -> [StreamEvent] {
    await DecoderVerifier.verified(bytes, decoder: makeDecoder, sourceLocation: sourceLocation)
  }
}
