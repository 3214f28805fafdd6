/// The request builder of the protocol a server speaks: exactly one, so ``ChatBackend`` switches
/// over it instead of carrying three optionals with fallbacks that could not be reached.
enum ServerAPI: Sendable {
  case ollama(OllamaAPI)
  case openAI(OpenAIAPI)
  case anthropic(AnthropicAPI)

  var kind: APIKind {
    switch self {
    case .ollama: return .ollama
    case .openAI: return .openai
    case .anthropic: return .anthropic
    }
  }
}
