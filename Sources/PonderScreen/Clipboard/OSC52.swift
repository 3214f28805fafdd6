/// Builds the OSC 52 sequence that asks the terminal to put text on the system clipboard.
///
/// OSC 52 is what works over SSH: the terminal on the user's own machine sets the clipboard.
/// Pure: the caller writes the bytes (``Sequence/bytes``) to the terminal. Inside tmux or GNU
/// screen the sequence is wrapped in their DCS passthrough so it reaches the outer terminal.
public enum OSC52 {
  /// Terminals accept about 100 KB of base64; 74,994 bytes of text encode to 99,992.
  public static let maxTextBytes = 74_994

  /// How the sequence must be wrapped to get through a multiplexer.
  public enum Wrapping: Sendable, Equatable {
    case none
    /// `ESC P tmux; … ESC \` with every ESC inside doubled (needs `allow-passthrough on`).
    case tmux
    /// `ESC P … ESC \`, split into chunks because screen limits a DCS string's length.
    case screen

    /// The wrapping for a process with these facts; tmux wins over `TERM=screen*`.
    public static func detect(insideTmux: Bool, term: String?) -> Wrapping {
      if insideTmux { return .tmux }
      if let term, term.hasPrefix("screen") { return .screen }
      return .none
    }
  }

  /// A finished sequence and whether the text had to be cut to fit.
  public struct Sequence: Sendable, Equatable {
    public var bytes: [UInt8]
    /// True when only the first ``OSC52/maxTextBytes`` (or fewer) bytes of the text were kept.
    public var truncated: Bool
    /// The number of text bytes the sequence carries.
    public var textBytes: Int

    /// The bytes as a string, for APIs that write strings.
    public var string: String { String(decoding: bytes, as: UTF8.self) }
  }

  static let screenChunk = 76

  /// The "set clipboard" sequence for `text`, cut at a character boundary to `maxTextBytes`.
  public static func setClipboard(_ text: String, wrapping: Wrapping, maxTextBytes: Int = maxTextBytes) -> Sequence {
    let utf8 = Array(text.utf8)
    let kept = prefixLength(of: utf8, limit: max(0, maxTextBytes))
    let payload = Base64.encode(utf8[0..<kept])
    let bytes: [UInt8]
    switch wrapping {
    case .none:
      bytes = osc(payload)
    case .tmux:
      bytes =
        [0x1B, 0x50] + Array("tmux;".utf8) + osc(payload).flatMap { $0 == 0x1B ? [0x1B, 0x1B] : [$0] } + [0x1B, 0x5C]
    case .screen:
      bytes = screenWrapped(payload)
    }
    return Sequence(bytes: bytes, truncated: kept < utf8.count, textBytes: kept)
  }

  /// `ESC ] 52 ; c ; <base64> BEL`
  static func osc(_ payload: [UInt8]) -> [UInt8] { [0x1B, 0x5D] + Array("52;c;".utf8) + payload + [0x07] }

  /// screen passes each `ESC P … ESC \` string through; the OSC is spread over several of them.
  static func screenWrapped(_ payload: [UInt8]) -> [UInt8] {
    var bytes: [UInt8] = [0x1B, 0x50, 0x1B, 0x5D] + Array("52;c;".utf8)
    var start = 0
    while start < payload.count {
      if start > 0 { bytes += [0x1B, 0x5C, 0x1B, 0x50] }
      let end = min(start + screenChunk, payload.count)
      bytes += payload[start..<end]
      start = end
    }
    return bytes + [0x07, 0x1B, 0x5C]
  }

  /// The longest prefix of `utf8` within `limit` bytes that does not split a character.
  static func prefixLength(of utf8: [UInt8], limit: Int) -> Int {
    guard utf8.count > limit else { return utf8.count }
    var length = limit
    while length > 0, utf8[length] & 0xC0 == 0x80 { length -= 1 }
    return length
  }
}
