/// Which wire protocol a server speaks.
public enum APIKind: String, Sendable, CaseIterable, Equatable {
  case ollama, openai, anthropic

  /// How the Log and errors name it.
  public var displayName: String {
    switch self {
    case .ollama: return "Ollama"
    case .openai: return "OpenAI-compatible"
    case .anthropic: return "Anthropic"
    }
  }
}
