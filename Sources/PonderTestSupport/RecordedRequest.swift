import Foundation
import PonderCore

#if canImport(Glibc)
  import Glibc
  private let systemListen = Glibc.listen
#elseif canImport(Darwin)
  import Darwin
  private let systemListen = Darwin.listen
#endif

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
