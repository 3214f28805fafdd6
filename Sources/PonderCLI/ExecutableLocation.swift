import Foundation

/// Where the running `ponder` really is, symlinks resolved: what ships with it — themes, the
/// `ponder-mcp` helper — is found from there, whether it runs from a build folder (`.build/release`
/// is a link) or an install reached through a linked `bin/`.
enum ExecutableLocation {
  /// The running executable (`/proc/self/exe` on Linux), else argv[0] as typed.
  static func current() -> String? {
    if let path = realPath("/proc/self/exe") { return path }
    return Bundle.main.executablePath ?? CommandLine.arguments.first
  }

  /// The file `name` in the folder of the running executable's real path.
  static func sibling(_ name: String, of executable: String? = current()) -> String? {
    guard let executable, let real = realPath(executable) else { return nil }
    return URL(fileURLWithPath: real).deletingLastPathComponent().appendingPathComponent(name).path
  }

  /// A path with every symlink resolved (`realpath(3)`); `nil` when it does not exist.
  static func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }
}
