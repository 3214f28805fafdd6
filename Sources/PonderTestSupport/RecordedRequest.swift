/// A request as the scripted server saw it.
public struct RecordedRequest: Sendable {
  public var method: String
  public var path: String
  public var headers: [(String, String)]
  public var body: [UInt8]

  public var bodyText: String { String(decoding: body, as: UTF8.self) }

  public func header(_ name: String) -> String? {
    headers.first(where: { $0.0.lowercased() == name.lowercased() })?.1
  }
}
