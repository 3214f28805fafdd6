/// How an MCP server's tools are named for the model: `SERVER_tool`, using only `A-Z a-z 0-9 _ -`
/// and at most 64 characters (what OpenAI-compatible servers accept).
///
/// Any other character becomes `_`. Names that would clash after that (or after cutting to 64)
/// get `_2`, `_3`, … so every tool of every server stays callable.
public struct MCPToolNaming: Sendable {
  public static let maxLength = 64

  private var taken: Set<String>

  /// `reserved`: names already in use (the built-in tools), which MCP tools must not take.
  public init(reserved: Set<String> = []) {
    taken = reserved
  }

  /// `text` with every character outside `A-Z a-z 0-9 _ -` replaced by `_`.
  public static func sanitized(_ text: String) -> String {
    let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-")
    let cleaned = String(text.map { allowed.contains($0) ? $0 : "_" })
    return cleaned.isEmpty ? "_" : cleaned
  }

  /// The unique name for `tool` of `server`, remembered so later calls avoid it.
  public mutating func name(server: String, tool: String) -> String {
    let base = String((Self.sanitized(server) + "_" + Self.sanitized(tool)).prefix(Self.maxLength))
    var candidate = base
    var counter = 2
    while taken.contains(candidate) {
      let suffix = "_\(counter)"
      candidate = String(base.prefix(Self.maxLength - suffix.count)) + suffix
      counter += 1
    }
    taken.insert(candidate)
    return candidate
  }
}
