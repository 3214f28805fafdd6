extension ChatError {
  /// The server refused the request because the conversation does not fit its context window
  /// (llama.cpp's `exceed_context_size_error`, OpenAI's `context_length_exceeded`, Anthropic's
  /// "prompt is too long"). The error body has no common code, so its words are read.
  public var isContextOverflow: Bool {
    guard case .rejected(let status) = kind, status == 400 || status == 413 else { return false }
    let text = message.lowercased()
    return
      (text.contains("context") && (text.contains("exceed") || text.contains("too long") || text.contains("length")))
      || text.contains("prompt is too long") || text.contains("too many tokens")
  }
}
