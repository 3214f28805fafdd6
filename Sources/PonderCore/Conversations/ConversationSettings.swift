/// What a conversation asks of the model besides its messages: kept with it, so a resumed
/// conversation goes on as it was.
public struct ConversationSettings: Sendable, Equatable {
  public var system: String?
  public var think: ThinkSetting?
  /// Model options (`temperature`, `num_ctx`, …) as a JSON object.
  public var options: JSONValue?

  public init(system: String? = nil, think: ThinkSetting? = nil, options: JSONValue? = nil) {
    self.system = system
    self.think = think
    self.options = options
  }
}

extension ThinkSetting {
  /// The word saved for this setting: `on`, `off`, `low`, `medium` or `high`.
  public var storedValue: String {
    switch self {
    case .enabled(let flag): return flag ? "on" : "off"
    case .level(let level): return level.rawValue
    }
  }

  /// Reads a saved word back; `nil` for anything else.
  public init?(storedValue: String) {
    switch storedValue {
    case "on": self = .enabled(true)
    case "off": self = .enabled(false)
    default:
      guard let level = Level(rawValue: storedValue) else { return nil }
      self = .level(level)
    }
  }
}
