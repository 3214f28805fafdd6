import GRDB
import PonderCore

/// Why the conversation file cannot be used, in one line a person can act on.
public struct StoreError: Error, Sendable, Equatable, CustomStringConvertible {
  public enum Kind: Sendable, Equatable {
    /// A newer Ponder wrote the file; this one leaves it untouched.
    case newerSchema
    /// Another process holds the file locked for longer than Ponder waits.
    case locked
    /// The file or its folder cannot be written.
    case readOnly
    /// The disk is full.
    case full
    /// The file is not a Ponder database, or is damaged.
    case corrupt
    /// The folder for the file cannot be made.
    case cannotCreate
    /// No conversation with that id.
    case notFound
    /// Anything else SQLite reported.
    case other
  }

  public var kind: Kind
  public var message: String

  public init(_ kind: Kind, _ message: String) {
    self.kind = kind
    self.message = message
  }

  public var description: String { message }

  /// The one line to show for any error a store method threw.
  public static func message(of error: any Error) -> String { (error as? StoreError)?.message ?? "\(error)" }

  /// Names the cause of a SQLite failure on the file at `path`.
  static func from(_ error: any Error, path: String) -> StoreError {
    if let error = error as? StoreError { return error }
    guard let sqlite = error as? DatabaseError else { return StoreError(.other, "\(path): \(error)") }
    switch sqlite.resultCode {
    case .SQLITE_BUSY, .SQLITE_LOCKED:
      return StoreError(.locked, "\(path) is locked by another process")
    case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_CANTOPEN:
      return StoreError(.readOnly, "\(path) cannot be written (read-only file or folder)")
    case .SQLITE_FULL:
      return StoreError(.full, "the disk holding \(path) is full")
    case .SQLITE_CORRUPT, .SQLITE_NOTADB:
      return StoreError(.corrupt, "\(path) is not a Ponder database or is damaged (move it away to start afresh)")
    case .SQLITE_IOERR:
      return StoreError(.other, "cannot read or write \(path): \(sqlite.message ?? "I/O error")")
    default:
      return StoreError(.other, "\(path): \(sqlite.message ?? "\(sqlite.resultCode)")")
    }
  }
}
