#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The directory the file tools are confined to: the one Ponder starts in, or `--workspace DIR`.
///
/// ``resolve(_:)`` turns a path the model gave into a real absolute path inside the root, and
/// refuses `..` escapes, absolute paths elsewhere and symlinks (at any component) that lead
/// outside, with a message the model reads. It confines the file tools only: `run_command` runs
/// with the user's rights and is gated by approval, not by this.
public struct Workspace: Sendable, Equatable {
  /// The root, canonical (symlinks resolved), without a trailing slash unless it is `/`.
  public let root: String

  /// A path inside the workspace.
  public struct ResolvedPath: Sendable, Equatable {
    /// Canonical absolute path: symlinks in the existing part resolved.
    public var absolute: String
    /// Relative to the root, for messages (`.` for the root itself).
    public var relative: String
    /// Whether the whole path exists (write_file may create it).
    public var exists: Bool
  }

  /// - Throws: ``ToolFailure`` when `root` is not an existing directory.
  public init(root: String) throws(ToolFailure) {
    guard let real = POSIX.realPath(root), FileStatus.of(real)?.kind == .directory else {
      throw ToolFailure("workspace \(root) is not an existing directory")
    }
    self.root = real
  }

  /// A workspace that contains nothing (its root is a name no path can have), for conversations
  /// that offer no tools: every path resolved through it is refused.
  public static let empty = Workspace(uncheckedRoot: "\0")

  private init(uncheckedRoot: String) {
    root = uncheckedRoot
  }

  /// Whether `absolute` (canonical) is the root or below it.
  public func contains(_ absolute: String) -> Bool {
    root == "/" || absolute == root || absolute.hasPrefix(root + "/")
  }

  /// The path relative to the root, for messages.
  public func relative(_ absolute: String) -> String {
    if absolute == root { return "." }
    if root == "/" { return String(absolute.dropFirst()) }
    return absolute.hasPrefix(root + "/") ? String(absolute.dropFirst(root.count + 1)) : absolute
  }

  /// Resolves a path the model gave (relative to the root, or absolute) to a path inside it.
  /// - Throws: ``ToolFailure`` worded for the model when the path leads outside or cannot be used.
  public func resolve(_ path: String) throws(ToolFailure) -> ResolvedPath {
    guard !path.contains("\0") else { throw ToolFailure("path \(quoted(path)) contains a NUL byte.") }
    let trimmed = path.trimmingWhitespace()
    if trimmed == "~" || trimmed.hasPrefix("~/") {
      throw ToolFailure(
        "path \(quoted(trimmed)) starts with ~, which is not expanded here: the tools reach only the workspace"
          + " (\(root)); give a path relative to it.")
    }
    let full = trimmed.hasPrefix("/") ? trimmed : root + "/" + trimmed
    let components = full.split(separator: "/").map(String.init)
    // The longest prefix that exists, canonicalised by the system (symlinks and `..` resolved).
    var existing = components.count
    var base = "/"
    while existing > 0 {
      if let real = POSIX.realPath("/" + components[..<existing].joined(separator: "/")) {
        base = real
        break
      }
      existing -= 1
    }
    let missing = Array(components[existing...])
    if let first = missing.first, let problem = blocker(named: first, in: base, for: trimmed) {
      throw problem
    }
    let absolute = Self.appendLexically(missing, to: base)
    guard contains(absolute) else { throw outside(trimmed, resolvedTo: absolute) }
    return ResolvedPath(absolute: absolute, relative: relative(absolute), exists: missing.isEmpty)
  }

  /// Why the first missing component of a path is not simply absent: a dangling symlink (which
  /// could point anywhere once created), or a parent that is not a directory.
  private func blocker(named name: String, in base: String, for path: String) -> ToolFailure? {
    let candidate = base == "/" ? "/" + name : base + "/" + name
    if let status = FileStatus.of(candidate) {
      if status.kind == .symlink {
        let target = POSIX.linkTarget(candidate) ?? "?"
        return ToolFailure(
          "path \(quoted(path)) goes through the symbolic link \(relative(candidate)) -> \(target), "
            + "whose target does not exist or cannot be reached; it is not followed.")
      }
      if status.kind != .directory, name != "..", name != "." {
        return ToolFailure("path \(quoted(path)) cannot be used: \(relative(base)) is not a directory.")
      }
      return nil
    }
    if errno != ENOENT, errno != ENOTDIR {
      return ToolFailure("path \(quoted(path)) cannot be used: \(POSIX.describe(errno)).")
    }
    if FileStatus.of(base)?.kind != .directory {
      return ToolFailure("path \(quoted(path)) cannot be used: \(relative(base)) is not a directory.")
    }
    return nil
  }

  /// Appends components that do not exist yet: nothing below them can be a symlink, so `.` and
  /// `..` are resolved by text.
  static func appendLexically(_ components: [String], to base: String) -> String {
    var parts = base.split(separator: "/").map(String.init)
    for component in components {
      switch component {
      case ".": continue
      case "..": if !parts.isEmpty { parts.removeLast() }
      default: parts.append(component)
      }
    }
    return "/" + parts.joined(separator: "/")
  }

  private func outside(_ path: String, resolvedTo absolute: String) -> ToolFailure {
    let lexical = Self.appendLexically(
      (path.hasPrefix("/") ? path : root + "/" + path).split(separator: "/").map(String.init), to: "/")
    let how = contains(lexical) ? " through a symbolic link" : ""
    return ToolFailure(
      "path \(quoted(path)) is outside the workspace (\(root)): it leads\(how) to \(absolute). "
        + "Only files inside the workspace can be used; give a path relative to it.")
  }

  private func quoted(_ path: String) -> String { "\"\(path)\"" }
}
