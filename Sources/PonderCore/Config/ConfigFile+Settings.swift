/// The settings that have a default, read once here so the default lives in one place (the
/// schema's warnings quote the same numbers).
extension ConfigFile {
  public static let defaultIdleTimeoutSeconds = 300
  public static let defaultHangupWaitMinutes = 30
  public static let defaultSearchTimeoutSeconds = 20

  /// `idle_timeout`: how long a started response may stay silent.
  public var idleTimeout: Duration { .seconds(number("idle_timeout") ?? Double(Self.defaultIdleTimeoutSeconds)) }

  /// `hangup_wait_minutes`: how long an answer may stream on after the terminal hangs up.
  public var hangupWait: Duration {
    .seconds((number("hangup_wait_minutes") ?? Double(Self.defaultHangupWaitMinutes)) * 60)
  }

  /// `[tools] search_timeout_seconds`: the budget of one `search_files` call.
  public var searchTimeoutSeconds: Double {
    number("tools.search_timeout_seconds") ?? Double(Self.defaultSearchTimeoutSeconds)
  }

  /// `save`: whether conversations are saved at all.
  public var savesConversations: Bool { bool("save") ?? true }

  /// `[tools] enabled`: whether tools are offered at all.
  public var toolsEnabled: Bool { bool("tools.enabled") ?? true }

  /// `think_tags`: whether `<think>…</think>` in an answer is shown as reasoning (unset: for the
  /// servers that leave it in the answer, not for Ollama; see ``ThinkTagMode``).
  public var thinkTags: ThinkTagMode {
    switch bool("think_tags") {
    case true?: return .always
    case false?: return .never
    case nil: return .auto
    }
  }
}
