#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The names in one directory (without `.` and `..`), sorted, read with `opendir`/`readdir`.
enum DirectoryEntries {
  static func names(in path: String) throws(ToolFailure) -> [String] {
    guard let directory = opendir(path) else {
      throw ToolFailure("cannot list the directory: \(POSIX.describe(errno)).")
    }
    defer { closedir(directory) }
    var names: [String] = []
    while let entry = readdir(directory) {
      let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
        pointer.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: entry.pointee.d_name)) {
          String(cString: $0)
        }
      }
      if name != ".", name != ".." { names.append(name) }
    }
    return names.sorted()
  }
}
