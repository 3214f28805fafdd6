/// What a server says of one model beyond its listing: capabilities and context length
/// (Ollama's `/api/show`), for the model picker.
public struct ModelDetails: Sendable, Equatable {
  /// `completion`, `tools`, `thinking`, `vision`, …
  public var capabilities: [String]
  /// The architecture's context length in tokens, when the server says.
  public var contextLength: Int?

  public init(capabilities: [String], contextLength: Int?) {
    self.capabilities = capabilities
    self.contextLength = contextLength
  }
}
