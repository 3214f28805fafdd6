/// One release of a ``ResponseBuffer``: coalesced events and how many fragments they merged.
///
/// In a tool-using turn a release may also carry the tool work that followed the text
/// (`toolEvents`, always later than every event in `events`), so the screen applies both in order.
public struct ResponseBatch: Sendable, Equatable {
  public var events: [StreamEvent]
  public var fragments: FragmentCounts
  /// Tool progress that came after `events`: calls, approvals, results, the turn's end.
  public var toolEvents: [ToolTurnEvent]
  public init(events: [StreamEvent], fragments: FragmentCounts = FragmentCounts(), toolEvents: [ToolTurnEvent] = []) {
    self.events = events
    self.fragments = fragments
    self.toolEvents = toolEvents
  }

  /// Bytes of text the release holds (what a paused screen counts as backlog).
  var textBytes: Int {
    events.reduce(0) { $0 + $1.textByteCount }
  }
}
