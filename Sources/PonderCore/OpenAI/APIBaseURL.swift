/// The root of an OpenAI- or Anthropic-style server, however the user wrote it.
///
/// Users copy base URLs from different docs: `http://h:8080`, `http://h:8080/v1` and
/// `http://h:8080/v1/` must all reach `http://h:8080/v1/chat/completions`. The root is kept
/// without a trailing `/` or `/v1`, and endpoints add `/v1/…` back. A path before `/v1` is kept
/// (`https://openrouter.ai/api/v1`); a missing scheme means `http`.
public struct APIBaseURL: Sendable, Equatable, CustomStringConvertible {
  /// Scheme, authority and any path prefix, without a trailing `/` or `/v1`.
  public let root: String

  public init(_ text: String) {
    var value = text.trimmingWhitespace()
    if !value.contains("://") { value = "http://" + value }
    while value.hasSuffix("/") { value.removeLast() }
    if value.hasSuffix("/v1") { value.removeLast(3) }
    while value.hasSuffix("/") { value.removeLast() }
    root = value
  }

  /// The URL of a `/v1` endpoint, e.g. `endpoint("/chat/completions")`.
  public func endpoint(_ path: String) -> String {
    root + "/v1" + path
  }

  public var description: String { root }
}
