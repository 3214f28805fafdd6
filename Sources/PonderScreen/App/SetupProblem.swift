/// Something wrong with how Ponder was set up — its config file, its theme — found before the
/// screen opened. Each goes to the Log, and they stay in the header and status bar until Esc, so
/// a problem is not lost when the Log moves on.
public struct SetupProblem: Sendable, Equatable {
  public enum Source: Sendable, Equatable {
    case theme
    case config
  }

  public var source: Source
  /// The whole line, as the Log shows it.
  public var text: String
  /// A shorter form for the header, where the room is one line shared with the model and host
  /// (a config problem names the file without its folder there).
  public var headline: String

  public init(_ source: Source, _ text: String, headline: String? = nil) {
    self.source = source
    self.text = text
    self.headline = headline ?? text
  }

  /// The status bar's short form of `problems`: "⚠ theme not loaded, 2 config problems (Esc hides)".
  public static func summary(of problems: [SetupProblem]) -> String? {
    guard !problems.isEmpty else { return nil }
    var parts: [String] = []
    if problems.contains(where: { $0.source == .theme }) { parts.append("theme not loaded") }
    let config = problems.filter { $0.source == .config }.count
    if config > 0 { parts.append("\(config) config problem\(config == 1 ? "" : "s")") }
    return "⚠ " + parts.joined(separator: ", ") + " (Esc hides)"
  }
}
