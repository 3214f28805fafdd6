/// One dispatched server-sent event: its type (`message` unless an `event:` line set one) and
/// its data lines joined with `\n`, as bytes: the decoders' JSON reader reads them as they are,
/// so a token is never decoded to a `String` and back.
public struct SSEEvent: Sendable, Equatable {
  public var type: String
  public var data: [UInt8]

  public init(type: String = "message", data: [UInt8]) {
    self.type = type
    self.data = data
  }

  /// An event whose data is `text` (tests, fixtures).
  public init(type: String = "message", data text: String) {
    self.init(type: type, data: Array(text.utf8))
  }

  /// Whether the data is exactly `marker` (such as OpenAI's `[DONE]`).
  public func dataIs(_ marker: String) -> Bool { data.elementsEqual(marker.utf8) }
}
