import MCP
import PonderCore
import PonderTools

/// Turns a `tools/call` result into the text the model reads.
///
/// Text blocks are joined with newlines; images, audio and binary resources are described in a
/// line (`[image: image/png, 12 KB, not shown]`) since Ponder sends tool results as text; text
/// resources are included. A result with no content but `structuredContent` shows that as JSON.
/// `isError: true` makes the output failed. Text past `limit` bytes is cut with a note.
enum MCPResultText {
  static let defaultLimit = 256 << 10

  static func output(_ result: CallTool.Result, limit: Int = defaultLimit) -> ToolOutput {
    var parts = result.content.map(describe)
    if parts.isEmpty, let structured = result.structuredContent {
      parts.append(JSONValue(structured).serialized)
    }
    var text = parts.isEmpty ? "(the tool returned no content)" : parts.joined(separator: "\n")
    if text.utf8.count > limit {
      var end = text.utf8.index(text.utf8.startIndex, offsetBy: limit)
      while end.samePosition(in: text.unicodeScalars) == nil { end = text.utf8.index(before: end) }
      text = String(text[..<end]) + "\n[output cut at \(limit / 1024) KB of \(text.utf8.count / 1024) KB]"
    }
    return result.isError == true ? .failed(text) : .ok(text)
  }

  static func describe(_ content: MCP.Tool.Content) -> String {
    switch content {
    case .text(let text, _, _):
      return text
    case .image(let data, let mimeType, _, _):
      return "[image: \(mimeType), \(size(base64: data)), not shown]"
    case .audio(let data, let mimeType, _, _):
      return "[audio: \(mimeType), \(size(base64: data)), not shown]"
    case .resource(let resource, _, _):
      if let text = resource.text { return "[resource \(resource.uri)]\n\(text)" }
      let kind = resource.mimeType.map { "\($0), " } ?? ""
      return "[resource \(resource.uri): \(kind)\(size(base64: resource.blob ?? "")), not shown]"
    case .resourceLink(let uri, let name, _, let description, _, _):
      let about = description.map { ": \($0)" } ?? ""
      return "[link \(name) \(uri)\(about)]"
    }
  }

  /// The decoded size of base64 text, for people.
  private static func size(base64: String) -> String {
    let padding = base64.utf8.reversed().prefix { $0 == UInt8(ascii: "=") }.count
    return ByteSize.text(max(0, base64.utf8.count / 4 * 3 - padding))
  }
}
