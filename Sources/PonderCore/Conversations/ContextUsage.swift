/// How much of the model's context window the conversation fills: the server's own count after
/// a response (prompt plus generated tokens), else an estimate from the text (marked `~`).
public struct ContextUsage: Sendable, Equatable {
  public var tokens: Int
  /// The window, when the server or the options say; `nil` shows the count alone.
  public var window: Int?
  /// Counted from characters, not reported by the server.
  public var estimated: Bool

  public init(tokens: Int, window: Int?, estimated: Bool) {
    self.tokens = tokens
    self.window = window
    self.estimated = estimated
  }

  /// From 0, or `nil` without a window.
  public var fraction: Double? {
    guard let window, window > 0 else { return nil }
    return Double(tokens) / Double(window)
  }

  /// At 80 % the gauge turns amber.
  public var isNearlyFull: Bool { (fraction ?? 0) >= 0.8 }

  /// `ctx 1.2k/4.1k 29%`, `ctx ~850/2.0k 41%` or `ctx 1.2k`.
  public var label: String {
    let count = (estimated ? "~" : "") + Self.short(tokens)
    guard let window, let fraction else { return "ctx \(count)" }
    return "ctx \(count)/\(Self.short(window)) \(Int((fraction * 100).rounded()))%"
  }

  /// `850`, `1.2k`, `40.9k`.
  public static func short(_ value: Int) -> String {
    guard value >= 1000 else { return "\(value)" }
    let tenths = (value + 50) / 100
    return "\(tenths / 10).\(tenths % 10)k"
  }

  /// Tokens a list of messages will take, roughly: four characters a token plus a few for each
  /// message's framing (what servers that report nothing get).
  public static func estimate(_ messages: [ChatMessage]) -> Int {
    messages.reduce(0) { total, message in
      total + 4 + (message.content.utf8.count + (message.thinking?.utf8.count ?? 0) + 3) / 4 + message.images.count
        * 768
    }
  }

  /// A window from `num_ctx` in the request options.
  public static func window(fromOptions options: JSONValue?) -> Int? {
    options?["num_ctx"]?.intValue.flatMap { $0 > 0 ? $0 : nil }
  }
}
