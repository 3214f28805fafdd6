/// A file added to the next message with `/attach`: an image the model sees (vision models) or
/// a text file inlined after the prompt.
public struct PromptAttachment: Sendable, Equatable {
  public enum Content: Sendable, Equatable {
    /// Bare base64, as `ChatMessage.images` holds it.
    case image(base64: String)
    case text(String)
  }

  /// The file's name, as the user sees it.
  public var name: String
  public var content: Content
  /// The file's size on disk.
  public var byteCount: Int

  public init(name: String, content: Content, byteCount: Int) {
    self.name = name
    self.content = content
    self.byteCount = byteCount
  }

  /// `prompt` with these attachments: text files inlined after it, images alongside.
  public static func message(_ prompt: String, with attachments: [PromptAttachment]) -> ChatMessage {
    var text = prompt
    var images: [String] = []
    for attachment in attachments {
      switch attachment.content {
      case .image(let base64): images.append(base64)
      case .text(let body): text += "\n\n--- \(attachment.name) ---\n" + body
      }
    }
    return ChatMessage(role: .user, content: text, images: images)
  }
}
