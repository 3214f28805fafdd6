/// What a cell *is* (a title, reasoning text, a code line), not how it looks.
///
/// Panes render roles; a ``Theme`` maps each role to colours and attributes at the terminal
/// edge. Grids stay theme-free, so tests assert meaning, and `NO_COLOR` or an 8-colour
/// terminal only changes the mapping.
public enum StyleRole: UInt8, Sendable, CaseIterable, Equatable {
  case normal
  case header
  case headerAccent
  case title
  case titleFocused
  case border
  case dim
  case logTime
  case logRequest
  case logModel
  case logFirstToken
  case logThinking
  case logTool
  case logResult
  case logRetry
  case logError
  case logDone
  case reasoning
  case cursor
  case statusBar
  case statusPaused
  case answer
  case userLabel
  case userText
  case assistantLabel
  case bold
  case heading
  case code
  case codeLabel
  case listBullet
  case notice
  case error
  case searchMatch
  case searchCurrent
  case inputPrompt
  case input
  case inputPlaceholder
  case footer
  case footerKey
  case overlay
  case overlayTitle
  case overlaySelected

  /// The name used in theme files (`title`, `logError`, …).
  public var name: String { String(describing: self) }
}
