import PonderCore

/// A prompt that does not fit the model's context window, held while the user picks a way out:
/// a new conversation, dropping the oldest turns, or a larger `num_ctx`.
public struct ContextOverflow: Sendable, Equatable {
  /// The prompt that did not fit (sent again once there is room).
  public var prompt: ChatMessage
  /// Tokens the request would take, by count or estimate.
  public var tokens: Int?
  public var window: Int?
  /// The server's own words, when it refused the request.
  public var serverMessage: String?

  public init(prompt: ChatMessage, tokens: Int?, window: Int?, serverMessage: String?) {
    self.prompt = prompt
    self.tokens = tokens
    self.window = window
    self.serverMessage = serverMessage
  }

  /// One plain sentence: what happened.
  public var explanation: String {
    let size = tokens.map { "about \($0) tokens" } ?? "the conversation"
    let room = window.map { "the model's context of \($0) tokens" } ?? "the model's context"
    return serverMessage == nil
      ? "\(size) would not fit \(room); nothing was sent"
      : "the server refused the request: \(size) do not fit \(room)"
  }
}
