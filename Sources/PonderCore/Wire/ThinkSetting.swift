/// Whether and how hard the model should reason before answering.
public enum ThinkSetting: Sendable, Equatable {
  case enabled(Bool)
  case level(Level)

  public enum Level: String, Sendable, Equatable, CaseIterable {
    case low, medium, high
  }

  /// The value Ollama's `think` field takes.
  public var ollamaValue: JSONValue {
    switch self {
    case .enabled(let flag): return .bool(flag)
    case .level(let level): return .string(level.rawValue)
    }
  }
}
