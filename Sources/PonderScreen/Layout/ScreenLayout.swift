/// Where everything goes for a terminal size: header, Log, Reasoning with its status bar,
/// Answer, input and footer.
///
/// Full layout from 80×24 up. Smaller terminals degrade in order: the Log hides first, then the
/// Reasoning pane shrinks to its last line; below 40×12 only a "too small" notice is shown.
/// A zoomed pane takes every row but the footer.
public struct ScreenLayout: Sendable, Equatable {
  public var header = Rect.zero
  /// Each pane's rect includes its title row (none in the one-line reasoning mode).
  public var log: Rect?
  public var reasoning: Rect?
  public var reasoningCompact = false
  public var status = Rect.zero
  public var answer = Rect.zero
  public var separator: Rect?
  public var input = Rect.zero
  public var footer = Rect.zero
  public var tooSmall = false
  /// The pane that fills the screen (all but the footer) while zoomed; nothing else is shown.
  public var zoomed: Pane?
  /// The input wrapped at the input's width, when the layout was made from an app state: the
  /// input view draws these rows instead of wrapping the text a second time.
  public var inputRows: InputRows?

  public static let minimumWidth = 40
  public static let minimumHeight = 12

  public init() {}

  public static func compute(
    width: Int, height: Int, showLog: Bool, showReasoning: Bool, inputLines: Int, zoomed: Pane? = nil
  ) -> ScreenLayout {
    var layout = ScreenLayout()
    guard width >= minimumWidth, height >= minimumHeight else {
      layout.tooSmall = true
      return layout
    }
    var area = Rect(x: 0, y: 0, width: width, height: height)
    if let zoomed, zoomed != .input {
      layout.zoomed = zoomed
      (area, layout.footer) = area.splitBottom(1)
      switch zoomed {
      case .log: layout.log = area
      case .reasoning: layout.reasoning = area
      default: layout.answer = area
      }
      return layout
    }
    (layout.header, area) = area.splitTop(1)
    (area, layout.footer) = area.splitBottom(1)
    let inputRows = min(max(1, inputLines), maximumInputRows(height: height))
    (area, layout.input) = area.splitBottom(inputRows)
    if height >= 16 {
      let separator: Rect
      (area, separator) = area.splitBottom(1)
      layout.separator = separator
    }
    let body = area.height
    let showLogPane = showLog && height >= 24
    layout.reasoningCompact = showReasoning && height < 18
    var logRows = showLogPane ? max(4, body * 20 / 100) : 0
    var reasoningRows = showReasoning ? (layout.reasoningCompact ? 1 : max(4, body * 30 / 100)) : 0
    let minimumAnswer = 3
    while body - logRows - reasoningRows - 1 < minimumAnswer, logRows > 0 || reasoningRows > 2 {
      if logRows > 0 { logRows = logRows > 4 ? logRows - 1 : 0 } else { reasoningRows -= 1 }
    }
    if logRows > 0 {
      let logRect: Rect
      (logRect, area) = area.splitTop(logRows)
      layout.log = logRect
    }
    if reasoningRows > 0 {
      let reasoningRect: Rect
      (reasoningRect, area) = area.splitTop(reasoningRows)
      layout.reasoning = reasoningRect
    }
    (layout.status, area) = area.splitTop(1)
    layout.answer = area
    return layout
  }

  /// How many rows the input may grow to: a few (6 at 24 rows, up to 10 on tall terminals).
  public static func maximumInputRows(height: Int) -> Int {
    height >= 24 ? min(height / 4, 10) : 2
  }

  /// The rect of a pane including its title row.
  public func frame(of pane: Pane) -> Rect? {
    switch pane {
    case .input: return input
    case .answer: return answer
    case .reasoning: return reasoning
    case .log: return log
    }
  }

  /// The rows a pane's text uses (below its title).
  public func content(of pane: Pane) -> Rect? {
    guard let frame = frame(of: pane) else { return nil }
    if pane == .input || (pane == .reasoning && reasoningCompact) { return frame }
    return frame.splitTop(1).rest
  }
}
