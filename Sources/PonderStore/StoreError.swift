import GRDB
import PonderCore

/// Why the conversation file cannot be used, in one line a person can act on.
public struct StoreError: Error, Sendable, Equatable, CustomStringConvertible {
  public var message: String

  public init(_ message: String) {
    self.message = message
  }

  public var description: String { message }

  /// The one line to show for any error a store method threw.
  public static func message(of error: any Error) -> String { (error as? StoreError)?.message ?? "\(error)" }

  /// Names the cause of a SQLite failure on the file at `path`.
  static func from(_ error: any Error, path: String) -> StoreError {
    if let error = error as? StoreError { return error }
    guard let sqlite = error as? DatabaseError else { return StoreError("\(path): \(error)") }
    switch sqlite.resultCode {
    case .SQLITE_BUSY, .SQLITE_LOCKED:
      return StoreError("\(path) is locked by another process")
    case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_CANTOPEN:
      return StoreError("\(path) cannot be written (read-only file or folder)")
    case .SQLITE_FULL:
      return StoreError("the disk holding \(path) is full")
    case .SQLITE_CORRUPT, .SQLITE_NOTADB:
      return StoreError("\(path) is not a Ponder database or is damaged (move it away to start afresh)")
    case .SQLITE_IOERR:
      return StoreError("cannot read or write \(path): \(sqlite.message ?? "I/O error")")
    default:
      return StoreError("\(path): \(sqlite.message ?? "\(sqlite.resultCode)")")
    }
  }
}
