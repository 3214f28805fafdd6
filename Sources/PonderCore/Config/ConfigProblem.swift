/// One thing wrong in the config file, worded for the person editing it: where (line, key), what
/// was expected, and what Ponder does about it. Reported on stderr by commands and in the chat's
/// Log and status bar.
public struct ConfigProblem: Sendable, Equatable {
  /// 1-based, as editors count; `nil` when it cannot be placed.
  public var line: Int?
  public var column: Int?
  /// The dotted key (`tools.search_timeout_seconds`); `nil` for a file that is not TOML at all.
  public var key: String?
  /// What is wrong and what Ponder does instead, without the place.
  public var message: String

  public init(line: Int?, column: Int? = nil, key: String?, message: String) {
    self.line = line
    self.column = column
    self.key = key
    self.message = message
  }

  /// One line naming the file and the place first, like a compiler: `PATH:7: idle_timeout: …`.
  public func report(in path: String) -> String {
    var place = path
    if let line {
      place += ":\(line)"
      if let column { place += ":\(column)" }
    }
    return "\(place): \(message)"
  }
}
