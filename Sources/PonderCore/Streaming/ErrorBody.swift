/// Reads the human message out of an HTTP error body, whatever the server's dialect.
///
/// Handles Ollama's `{"error":"…"}`, OpenAI's `{"error":{"message":…}}`, Anthropic's
/// `{"type":"error","error":{…}}`, the flat `{"object":"error","message":…}`, HTML pages from
/// proxies and web servers (reduced to their title or first line of text, see ``HTMLText``) and
/// plain text (its first line). Always one line, at most ``maximumLength`` characters.
public enum ErrorBody {
  public static let maximumLength = 300

  public static func message(from body: [UInt8]) -> String? {
    if let json = try? JSONValue.parse(body), let text = message(in: json) { return oneLine(text) }
    let text = String(decoding: body.prefix(64 << 10), as: UTF8.self)
    if HTMLText.looksLikeHTML(text) { return HTMLText.summary(of: text).map(oneLine) }
    let firstLine = text.split(whereSeparator: \.isNewline).lazy.map { $0.trimmingWhitespace() }.first { !$0.isEmpty }
    return firstLine.map(oneLine)
  }

  /// Why a server refused a request, in one line: its own message when it sent one, and when a
  /// 404 or 405 carries no JSON message (a web server or proxy that is not a model server), a
  /// sentence saying that the address has no such endpoint.
  public static func rejection(status: Int, body: [UInt8], path: String) -> String {
    let isJSON = (try? JSONValue.parse(body)) != nil
    let message = message(from: body)
    guard !isJSON, status == 404 || status == 405 else { return message ?? "no message" }
    let page = message.map { " (it says \"\($0)\")" } ?? ""
    return "there is no \(path) here\(page): is this a model server, and is --api right?"
  }

  /// The message inside an in-band or out-of-band JSON error object, when there is one.
  public static func message(in json: JSONValue) -> String? {
    if let text = json["error"]?.nonEmptyString { return text }
    if let inner = json["error"], inner.objectMembers != nil {
      return inner["message"]?.nonEmptyString ?? inner["type"]?.nonEmptyString ?? inner.serialized
    }
    if json["object"]?.stringValue == "error" || json["type"]?.stringValue == "error" {
      return json["message"]?.nonEmptyString ?? "error"
    }
    return json["message"]?.nonEmptyString
  }

  /// `text` on one line (newlines and tabs become spaces, runs of spaces one), capped.
  static func oneLine(_ text: String) -> String {
    let words = text.split(whereSeparator: { $0.isWhitespace || $0.isNewline })
    let line = words.joined(separator: " ")
    guard line.count > maximumLength else { return line }
    return String(line.prefix(maximumLength - 1)) + "…"
  }
}
