import Foundation
import PonderCore

#if canImport(Glibc)
  import Glibc
  private let systemListen = Glibc.listen
#elseif canImport(Darwin)
  import Darwin
  private let systemListen = Darwin.listen
#endif

/// A response the client stopped reading: proof that closing the connection reached the server.
public struct ClientDisconnect: Sendable, Equatable {
  public var path: String
  public var chunksWritten: Int
  public var scriptChunks: Int
}
