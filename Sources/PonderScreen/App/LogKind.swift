import PonderCore

/// The kinds of orchestrator events in the Log, each with its marker and colour.
public enum LogKind: Sendable, Equatable {
  case request, model, firstToken, thinking, tool, result, retry, error, warning, done, info

  public var marker: String {
    switch self {
    case .request: return "→"
    case .model: return "◆"
    case .firstToken: return "▸"
    case .thinking: return "◇"
    case .tool: return "⚙"
    case .result: return "←"
    case .retry: return "↻"
    case .error: return "✗"
    case .warning: return "⚠"
    case .done: return "✓"
    case .info: return "·"
    }
  }

  public var role: StyleRole {
    switch self {
    case .request: return .logRequest
    case .model: return .logModel
    case .firstToken: return .logFirstToken
    case .thinking: return .logThinking
    case .tool: return .logTool
    case .result: return .logResult
    case .retry: return .logRetry
    case .error: return .logError
    case .warning: return .logRetry
    case .done: return .logDone
    case .info: return .dim
    }
  }
}
