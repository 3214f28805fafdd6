import PonderCore

/// The response being streamed: its phase, timings and token counts.
public struct TurnState: Sendable, Equatable {
  public enum Phase: Sendable, Equatable { case waiting, thinking, answering }

  public var number: Int
  public var model: String
  public var startedAt: Duration
  public var firstTokenAt: Duration?
  public var phase = Phase.waiting
  public var phaseStartedAt: Duration
  public var reasoningTokens = 0
  public var answerTokens = 0
  public var toolCalls: [ToolCall] = []
  /// The context gauge as the turn began: it cannot change until the turn ends, so frames drawn
  /// while it streams never recount the history.
  public var context: ContextUsage?
  public var paused = false
  public var backlogBytes = 0
  public var cancelRequested = false
  public var outcome: StreamEvent?
  /// What a tool-using turn added to the conversation (set when it ends); `nil` for a plain turn.
  public var addedMessages: [ChatMessage]?
  /// Tool rounds so far in this turn.
  public var toolSteps = 0
  /// How many of `toolCalls` came before the response now streaming.
  public var callsBeforeResponse = 0
  /// When text last arrived: the ▊ stays solid while tokens flow and blinks when they stop.
  public var lastTextAt: Duration?
  /// The status bar shows figures sampled at ticks and phase changes, not per token: a calm
  /// screen and fewer bytes written to the terminal.
  public var shown: StatusSample
  /// Set on resume: the release that brings the backlog refreshes the figures.
  public var sampleOnNextRelease = false

  public init(number: Int, model: String, at now: Duration) {
    self.number = number
    self.model = model
    startedAt = now
    phaseStartedAt = now
    shown = StatusSample(at: now)
  }

  /// Tokens of the current phase.
  public var phaseTokens: Int {
    switch phase {
    case .waiting: return 0
    case .thinking: return reasoningTokens
    case .answering: return answerTokens
    }
  }

  mutating func sample(at now: Duration) {
    shown = StatusSample(at: now)
    shown.phase = phase
    shown.tokens = reasoningTokens + answerTokens
    shown.phaseTokens = phaseTokens
    shown.elapsed = now - startedAt
    shown.phaseElapsed = now - phaseStartedAt
    shown.timeToFirstToken = firstTokenAt.map { $0 - startedAt }
    shown.backlogBytes = backlogBytes
    shown.quietFor = now - (lastTextAt ?? startedAt)
  }
}
