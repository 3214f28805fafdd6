/// Reduces an HTML page (a proxy's or web server's error page, or a web page where a model
/// stream was expected) to what a person would read first: its `<title>`, else its first line
/// of text, with tags dropped and the common entities decoded. Never the markup itself.
public enum HTMLText {
  /// Whether `text` is markup rather than a message: it starts with `<` (after whitespace) and
  /// has an `<html`, `<!doctype`, `<head`, `<body` or `<title` tag.
  public static func looksLikeHTML(_ text: String) -> Bool {
    guard text.drop(while: \.isWhitespace).first == "<" else { return false }
    let lower = text.prefix(4096).lowercased()
    return ["<html", "<!doctype", "<head", "<body", "<title"].contains { lower.contains($0) }
  }

  /// The page's title, else its first non-empty line of text; nil when it has no text at all.
  public static func summary(of page: String) -> String? {
    if let title = title(of: page), !title.isEmpty { return title }
    return firstLineOfText(page)
  }

  static func title(of page: String) -> String? {
    let bytes = page.utf8
    guard let open = find("<title", in: bytes, from: bytes.startIndex),
      let openEnd = bytes[open...].firstIndex(of: UInt8(ascii: ">")),
      let close = find("</title", in: bytes, from: bytes.index(after: openEnd))
    else { return nil }
    return collapse(decodeEntities(String(page[page.utf8.index(after: openEnd)..<close])))
  }

  /// Where `needle` (lowercase ASCII) starts in `bytes` from `start`, ignoring ASCII case.
  private static func find(_ needle: String, in bytes: String.UTF8View, from start: String.Index) -> String.Index? {
    let pattern = Array(needle.utf8)
    var index = start
    while index < bytes.endIndex {
      var probe = index
      var matched = 0
      while matched < pattern.count, probe < bytes.endIndex, lowercased(bytes[probe]) == pattern[matched] {
        probe = bytes.index(after: probe)
        matched += 1
      }
      if matched == pattern.count { return index }
      index = bytes.index(after: index)
    }
    return nil
  }

  private static func lowercased(_ byte: UInt8) -> UInt8 {
    (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
  }

  static func firstLineOfText(_ page: String) -> String? {
    var text = ""
    var inTag = false
    var skipping: String?
    var tagName = ""
    for character in page {
      if inTag {
        if character == ">" {
          inTag = false
          let name = tagName.lowercased()
          if name == "script" || name == "style" { skipping = "/" + name }
          if let closing = skipping, name == closing { skipping = nil }
          if ["br", "p", "/p", "div", "/div", "h1", "/h1", "h2", "/h2", "li", "tr"].contains(name) {
            text.append("\n")
          }
        } else if !character.isWhitespace, tagName.count < 10, !tagName.contains(" ") {
          tagName.append(character)
        } else {
          tagName.append(" ")
        }
        continue
      }
      if character == "<" {
        inTag = true
        tagName = ""
        continue
      }
      if skipping == nil { text.append(character) }
    }
    return decodeEntities(text).split(whereSeparator: \.isNewline).lazy.map(collapse).first { !$0.isEmpty }
  }

  private static let entities: [(String, String)] = [
    ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&apos;", "'"), ("&nbsp;", " "), ("&amp;", "&"),
  ]

  static func decodeEntities(_ text: String) -> String {
    guard text.contains("&") else { return text }
    var out = text
    for (entity, replacement) in entities { out = out.replacing(entity, with: replacement) }
    return out
  }

  private static func collapse(_ text: some StringProtocol) -> String {
    text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
  }
}
