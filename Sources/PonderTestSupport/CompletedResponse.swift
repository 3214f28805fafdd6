import Foundation
import PonderCore

#if canImport(Glibc)
  import Glibc
  private let systemListen = Glibc.listen
#elseif canImport(Darwin)
  import Darwin
  private let systemListen = Darwin.listen
#endif

/// A response written to its end: proof that a client kept reading (an SSH drop did not close it).
public struct CompletedResponse: Sendable, Equatable {
  public var path: String
  public var chunks: Int
}
