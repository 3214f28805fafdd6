/// Guesses an image's media type from the start of its base64 text.
///
/// `ChatMessage.images` holds bare base64 (Ollama's form); OpenAI wants a `data:` URL and
/// Anthropic a `media_type`, so the type is read from the file signature. Unknown → PNG.
enum ImageMediaType {
  static func sniff(base64: String) -> String {
    if base64.hasPrefix("/9j/") { return "image/jpeg" }
    if base64.hasPrefix("R0lGOD") { return "image/gif" }
    if base64.hasPrefix("UklGR") { return "image/webp" }
    return "image/png"
  }
}
