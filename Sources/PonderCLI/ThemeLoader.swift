import Foundation
import PonderScreen

/// Finds and reads a theme by name; a missing or broken file falls back to the built-in default
/// with a message saying why.
enum ThemeLoader {
  static func load(named name: String?) -> (theme: Theme, problem: String?) {
    let fallback = BuiltInTheme.defaultDark
    guard let name, name != "default", name != "default-dark" || themeFile("default-dark") != nil else {
      return (themeFile("default-dark").flatMap { try? parse($0) } ?? fallback, nil)
    }
    guard let path = themeFile(name) else {
      return (fallback, "theme '\(name)' not found in \(searchDirectories.joined(separator: ", ")); using the default")
    }
    do {
      return (try parse(path), nil)
    } catch {
      return (fallback, "theme \(path) is broken (\(error)); using the default")
    }
  }

  private static func parse(_ path: String) throws -> Theme {
    let text = String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
    return try Theme(parsing: text, base: BuiltInTheme.defaultDark)
  }

  /// `$PONDER_THEMES`, the user's config folder, then `Themes/` beside the build or install.
  static var searchDirectories: [String] {
    var directories: [String] = []
    let environment = ProcessInfo.processInfo.environment
    if let custom = environment["PONDER_THEMES"], !custom.isEmpty { directories.append(custom) }
    directories.append((ConfigLoader.path as NSString).deletingLastPathComponent + "/themes")
    let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
    directories.append(executable.appendingPathComponent("../../Themes").standardized.path)
    directories.append(executable.appendingPathComponent("../share/ponder/themes").standardized.path)
    return directories
  }

  static func themeFile(_ name: String) -> String? {
    if name.contains("/") { return FileManager.default.fileExists(atPath: name) ? name : nil }
    for directory in searchDirectories {
      let path = "\(directory)/\(name).theme"
      if FileManager.default.fileExists(atPath: path) { return path }
    }
    return nil
  }
}
