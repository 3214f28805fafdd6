#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The type and size of a file system entry, from `lstat` (symlinks are not followed) or `stat`.
///
/// The tools decide everything about a path from this: a directory is listed, a regular file is
/// read, a symlink is reported and never followed by the directory walks.
struct FileStatus: Sendable, Equatable {
  enum Kind: String, Sendable, Equatable {
    case file, directory, symlink, other
  }

  var kind: Kind
  var size: Int64

  /// The entry itself, without following a final symlink; `nil` when it does not exist.
  static func of(_ path: String) -> FileStatus? {
    var info = stat()
    guard lstat(path, &info) == 0 else { return nil }
    return FileStatus(info)
  }

  /// What the entry leads to, following symlinks.
  static func following(_ path: String) -> FileStatus? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return FileStatus(info)
  }

  init(_ info: stat) {
    switch info.st_mode & S_IFMT {
    case S_IFREG: kind = .file
    case S_IFDIR: kind = .directory
    case S_IFLNK: kind = .symlink
    default: kind = .other
    }
    size = Int64(info.st_size)
  }
}
