import ArgumentParser
import Foundation
import PonderCore
import PonderTOML

/// Reads the config file a command runs with (where it is: ``ConfigLocation``) and renders what
/// is wrong with it as one line per problem, for the caller to show where it shows things:
/// stderr for `ask` and the other commands, the Log and the status bar for the chat (nothing is
/// printed before the chat's screen opens).
enum ConfigLoader {
  /// The settings, where they came from, and their problems as `PATH:LINE: …` lines.
  struct Loaded {
    var file: ConfigFile
    var path: String?
    var problems: [String]
  }

  /// `$PONDER_CONFIG` names a file that is not there: nothing would load, so the command stops
  /// (exit 2) instead of running on defaults the user did not ask for.
  struct MissingFile: Error, CustomStringConvertible {
    var path: String
    var description: String { "PONDER_CONFIG names \(path), which does not exist" }
  }

  /// The config file's path, where "always allow" answers are saved; `nil` without `$HOME`.
  static var path: String? { ConfigLocation.resolve(environment: ProcessInfo.processInfo.environment)?.path }

  static func load(
    environment: [String: String] = ProcessInfo.processInfo.environment,
    contents: (String) -> Data? = { FileManager.default.contents(atPath: $0) }
  ) throws(MissingFile) -> Loaded {
    guard let location = ConfigLocation.resolve(environment: environment) else {
      return Loaded(file: ConfigFile(), path: nil, problems: [])
    }
    guard let data = contents(location.path) else {
      if location.isExplicit { throw MissingFile(path: location.path) }
      return Loaded(file: ConfigFile(), path: location.path, problems: [])
    }
    let file = TOMLReader.config(String(decoding: data, as: UTF8.self))
    return Loaded(file: file, path: location.path, problems: file.problems.map { $0.report(in: location.path) })
  }

  /// For commands that print: each problem as one `ponder:` line on `err` (neutralised, like
  /// every line Ponder writes), then the settings. A missing `$PONDER_CONFIG` is one line and
  /// exit 2.
  static func load(reportingTo err: any OutputSink) throws -> ConfigFile {
    do {
      let loaded = try load()
      for problem in loaded.problems { err.note("config: \(problem)") }
      return loaded.file
    } catch {
      err.note(error.description)
      throw ExitCode(PonderExit.usage.rawValue)
    }
  }
}
