/// When answer text is searched for `<think>…</think>` (``ThinkTagFilter``).
///
/// Ollama's native API sends a model's reasoning in its own `thinking` field, so by default its
/// answers pass untouched; OpenAI- and Anthropic-style servers may leave the tags in the content
/// (llama.cpp with `--reasoning-format none`, vLLM without a reasoning parser), so theirs are split.
public enum ThinkTagMode: Sendable, Equatable {
  /// Split for OpenAI- and Anthropic-style servers, not for Ollama (the default).
  case auto
  /// Split for every protocol (`think_tags = true`: an Ollama model that writes tags in its content).
  case always
  /// Never split (`--no-think-tags`, `think_tags = false`).
  case never

  /// Whether a response from a `kind` server goes through the splitter.
  public func splits(_ kind: APIKind) -> Bool {
    switch self {
    case .auto: return kind != .ollama
    case .always: return true
    case .never: return false
    }
  }
}
