/// The server's own account of a finished response: why it stopped, token counts and timings.
///
/// Every field is optional because each protocol reports a different subset (Ollama sends
/// nanosecond durations, OpenAI-style servers token counts, llama.cpp millisecond timings).
public struct GenerationStats: Sendable, Equatable {
  /// Why generation stopped, in the server's words (`stop`, `length`, `tool_calls`, `end_turn`, …).
  public var doneReason: String?
  /// Prompt tokens processed for this request.
  public var promptTokens: Int?
  /// Tokens generated.
  public var completionTokens: Int?
  /// Time spent processing the prompt, in nanoseconds.
  public var promptEvalNanoseconds: Int64?
  /// Time spent generating, in nanoseconds.
  public var evalNanoseconds: Int64?
  /// Time spent loading the model, in nanoseconds.
  public var loadNanoseconds: Int64?
  /// The whole request on the server, in nanoseconds.
  public var totalNanoseconds: Int64?

  public init(
    doneReason: String? = nil, promptTokens: Int? = nil, completionTokens: Int? = nil,
    promptEvalNanoseconds: Int64? = nil, evalNanoseconds: Int64? = nil, loadNanoseconds: Int64? = nil,
    totalNanoseconds: Int64? = nil
  ) {
    self.doneReason = doneReason
    self.promptTokens = promptTokens
    self.completionTokens = completionTokens
    self.promptEvalNanoseconds = promptEvalNanoseconds
    self.evalNanoseconds = evalNanoseconds
    self.loadNanoseconds = loadNanoseconds
    self.totalNanoseconds = totalNanoseconds
  }

  /// Generation speed from the server's own counts, when it reported them.
  public var tokensPerSecond: Double? {
    guard let tokens = completionTokens, let nanos = evalNanoseconds, nanos > 0 else { return nil }
    return Double(tokens) / Double(nanos) * 1e9
  }
}
