/// A successful response whose body cannot be a model stream: compressed although Ponder asks
/// for no compression (a proxy in the way), or a web page (a web server or captive portal at
/// that address). Found from the headers, or from the first bytes when the headers don't say, so
/// the user reads the cause instead of a JSON error about byte 0.
public enum UnexpectedBody: Equatable, Sendable {
  case compressed(encoding: String)
  case webPage

  /// From the response headers.
  public static func check(headers: [HTTPHeader]) -> UnexpectedBody? {
    for header in headers {
      switch header.name.lowercased() {
      case "content-encoding":
        let encoding = header.value.trimmingWhitespace().lowercased()
        if !encoding.isEmpty, encoding != "identity" { return .compressed(encoding: encoding) }
      case "content-type":
        if header.value.lowercased().hasPrefix("text/html") { return .webPage }
      default:
        continue
      }
    }
    return nil
  }

  /// From the first bytes of the body: gzip's magic number, or markup where JSON or SSE must be.
  public static func check(firstBytes: some Collection<UInt8>) -> UnexpectedBody? {
    if firstBytes.starts(with: [0x1F, 0x8B]) { return .compressed(encoding: "gzip") }
    let text = String(decoding: firstBytes.prefix(4096), as: UTF8.self)
    return HTMLText.looksLikeHTML(text) ? .webPage : nil
  }

  /// The failure to report, with what the page says when it is one.
  public func error(page: [UInt8]) -> ChatError {
    switch self {
    case .compressed(let encoding):
      return ChatError(
        .malformed,
        "the server compressed its reply (\(encoding)) though none was asked for; is a proxy in the way?")
    case .webPage:
      let title = HTMLText.summary(of: String(decoding: page.prefix(64 << 10), as: UTF8.self))
      let says = title.map { " (\"\(ErrorBody.oneLine($0))\")" } ?? ""
      return ChatError(
        .malformed, "the server answered with a web page\(says), not a model stream: is --host a model server?")
    }
  }
}
