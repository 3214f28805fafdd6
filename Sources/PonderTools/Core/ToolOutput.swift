/// What a tool produced: the text the model reads, and whether it succeeded.
///
/// The text is what goes back to the model verbatim, so tools state their caps and refusals in it
/// ("output cut at 256 KB …"); the Log shows its size and status.
public struct ToolOutput: Sendable, Equatable {
  public enum Status: Sendable, Equatable { case ok, failed }

  public var text: String
  public var status: Status

  public init(text: String, status: Status) {
    self.text = text
    self.status = status
  }

  public static func ok(_ text: String) -> ToolOutput { ToolOutput(text: text, status: .ok) }
  public static func failed(_ text: String) -> ToolOutput { ToolOutput(text: text, status: .failed) }

  public var isOK: Bool { status == .ok }
  /// The UTF-8 size of the text.
  public var byteCount: Int { text.utf8.count }
}
