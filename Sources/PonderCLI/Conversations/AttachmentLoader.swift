import Foundation
import PonderCore

/// Reads a file for `/attach`: an image (PNG, JPEG, GIF, WebP, by its signature) becomes base64
/// for vision models; UTF-8 text is inlined; anything else is refused in one line.
enum AttachmentLoader {
  /// Why the file cannot be attached, in one line.
  struct Failure: Error {
    var message: String
    init(_ message: String) { self.message = message }
  }

  static let imageLimit = 20 << 20
  static let textLimit = 512 << 10

  static func load(_ rawPath: String) -> Result<PromptAttachment, Failure> {
    let path = (rawPath.hasPrefix("~/") ? NSHomeDirectory() + rawPath.dropFirst(1) : rawPath)
    let name = (path as NSString).lastPathComponent
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue else {
      return .failure(Failure("cannot attach \(rawPath): no such file"))
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      return .failure(Failure("cannot attach \(rawPath): it cannot be read"))
    }
    if isImage(data) {
      guard data.count <= imageLimit else {
        return .failure(Failure("cannot attach \(name): images up to \(imageLimit >> 20) MB"))
      }
      return .success(
        PromptAttachment(name: name, content: .image(base64: data.base64EncodedString()), byteCount: data.count))
    }
    guard !data.contains(0), let text = String(data: data, encoding: .utf8) else {
      return .failure(Failure("cannot attach \(name): neither an image (PNG, JPEG, GIF, WebP) nor UTF-8 text"))
    }
    guard data.count <= textLimit else {
      return .failure(Failure("cannot attach \(name): text files up to \(textLimit >> 10) KB"))
    }
    return .success(PromptAttachment(name: name, content: .text(text), byteCount: data.count))
  }

  static func isImage(_ data: Data) -> Bool {
    let head = [UInt8](data.prefix(12))
    if head.starts(with: [0x89, 0x50, 0x4E, 0x47]) || head.starts(with: [0xFF, 0xD8, 0xFF])
      || head.starts(with: [0x47, 0x49, 0x46, 0x38])
    {
      return true
    }
    return head.count == 12 && head.starts(with: [0x52, 0x49, 0x46, 0x46])
      && Array(head[8..<12]) == [0x57, 0x45, 0x42, 0x50]
  }
}
