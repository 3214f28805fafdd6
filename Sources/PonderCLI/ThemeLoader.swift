import Foundation
import PonderCore
import PonderScreen
import PonderTOML

/// Finds and reads a theme by name; a missing or broken file falls back to the built-in default
/// with a message saying why.
///
/// Theme folders, in order: `Themes/` found from the executable's real path (symlinks resolved,
/// so `.build/release` — a link — and a linked `bin/` still lead to the checkout or install),
/// `$PONDER_THEMES`, then `themes/` in the config folder (`$XDG_CONFIG_HOME/ponder`, else
/// `$HOME/.config/ponder`, as `ConfigLocation` says).
enum ThemeLoader {
  static func load(named name: String?, directories: [String] = searchDirectories()) -> (theme: Theme, problem: String?)
  {
    let fallback = BuiltInTheme.defaultDark
    let defaultFile = themeFile("default-dark", in: directories)
    guard let name, name != "default", name != "default-dark" || defaultFile != nil else {
      return (defaultFile.flatMap { try? parse($0) } ?? fallback, nil)
    }
    guard let path = themeFile(name, in: directories) else {
      return (fallback, "theme '\(name)' not found in \(directories.joined(separator: ", ")); using the default")
    }
    do {
      return (try parse(path), nil)
    } catch {
      return (fallback, "theme \(path) is broken (\(error)); using the default")
    }
  }

  private static func parse(_ path: String) throws -> Theme {
    let text = String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
    let document: ConfigNode
    do {
      document = try TOMLReader.read(text)
    } catch {
      throw Theme.ParseError(reason: "line \(error.line.map(String.init) ?? "?"): \(error.reason)")
    }
    return try Theme(document: document, base: BuiltInTheme.defaultDark)
  }

  /// The folders searched for `NAME.theme`, in order.
  static func searchDirectories(
    environment: [String: String] = ProcessInfo.processInfo.environment,
    executable: String? = ExecutableLocation.current()
  ) -> [String] {
    var directories: [String] = []
    if let executable, let beside = installedThemes(executable: executable) { directories.append(beside) }
    if let custom = environment["PONDER_THEMES"], !custom.isEmpty { directories.append(custom) }
    if let config = ConfigLocation.configFolder(environment: environment) {
      directories.append(config + "/ponder/themes")
    }
    var seen = Set<String>()
    return directories.filter { seen.insert($0).inserted }
  }

  /// `Themes/` in the nearest folder above the executable's real path (a checkout, whatever
  /// the build folder is called), or `share/ponder/themes` beside its `bin/` (an install).
  static func installedThemes(executable: String) -> String? {
    guard let real = ExecutableLocation.realPath(executable) else { return nil }
    var folder = URL(fileURLWithPath: real).deletingLastPathComponent()
    for _ in 0..<6 {
      for candidate in ["Themes", "share/ponder/themes"] {
        let path = folder.appendingPathComponent(candidate).path
        if isDirectory(path) { return path }
      }
      let parent = folder.deletingLastPathComponent()
      if parent.path == folder.path { break }
      folder = parent
    }
    return nil
  }

  private static func isDirectory(_ path: String) -> Bool {
    var directory: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &directory) && directory.boolValue
  }

  static func themeFile(_ name: String, in directories: [String]) -> String? {
    if name.contains("/") { return FileManager.default.fileExists(atPath: name) ? name : nil }
    for directory in directories {
      let path = "\(directory)/\(name).theme"
      if FileManager.default.fileExists(atPath: path) { return path }
    }
    return nil
  }
}
