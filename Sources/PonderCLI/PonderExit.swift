import PonderCore

/// The exit codes `ponder ask` promises to scripts.
public enum PonderExit: Int32, Sendable {
  case done = 0
  /// The answer could not be written: stdout was closed (`| head`) or its disk is full.
  case writeFailed = 1
  case usage = 2
  case cannotConnect = 3
  case rejected = 4
  case streamFailed = 5
  /// The answer stopped at the length limit (`done_reason` length or max_tokens): it is incomplete.
  case cutOff = 6
  /// The server stayed busy (429, 503) through every try: try again later (EX_TEMPFAIL).
  case tryLater = 75
  case interrupted = 130

  public init(_ error: ChatError) {
    switch error.kind {
    case .cannotConnect: self = .cannotConnect
    case .rejected(let status): self = RetryingTransport<ContinuousClock>.isBusy(status) ? .tryLater : .rejected
    case .unavailable: self = .rejected
    case .server, .truncated, .connectionLost, .malformed: self = .streamFailed
    case .cancelled: self = .interrupted
    }
  }
}
