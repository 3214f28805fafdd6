/// A server credential that never shows up in a description, a debug dump or a log line.
///
/// Only the request builders read the secret, to put it in a header; printing, interpolating or
/// `dump`-ing the key (or a struct holding it) shows `<redacted>`.
public struct APIKey: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
  let secret: String

  /// `nil` for a missing or blank key, so "no key" has one spelling.
  public init?(_ secret: String?) {
    guard let trimmed = secret?.trimmingWhitespace(), !trimmed.isEmpty else { return nil }
    self.secret = trimmed
  }

  public var description: String { "<redacted>" }
  public var debugDescription: String { "APIKey(<redacted>)" }
  public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}

/// Request descriptions that hide credentials: `Authorization`, `x-api-key` and similar header
/// values are replaced, so a request can be logged or shown in a failure message safely.
extension HTTPRequestSpec: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
  static let secretHeaders: Set<String> = ["authorization", "x-api-key", "api-key", "proxy-authorization", "cookie"]

  public var description: String {
    let shown = headers.map { header in
      let value = Self.secretHeaders.contains(header.name.lowercased()) ? "<redacted>" : header.value
      return "\(header.name): \(value)"
    }
    return "\(method.rawValue) \(url) [\(shown.joined(separator: ", "))] \(body.count) bytes"
  }

  public var debugDescription: String { description }

  public var customMirror: Mirror {
    Mirror(self, children: ["description": description], displayStyle: .struct)
  }
}
