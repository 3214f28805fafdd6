/// What the terminal cursor of a frame stands for, so the terminal adapter can shape it.
///
/// While an answer streams and nothing else needs the cursor, the terminal's own cursor is the
/// stream's caret at the end of the text: it costs no bytes per frame (a drawn `▊` is erased and
/// redrawn with every release) and the terminal blinks it without redraws.
public enum CursorKind: Sendable, Equatable {
  /// The input caret (or the search field's): the user's own cursor shape.
  case input
  /// The end of the text streaming in the Reasoning or Answer pane: a blinking block.
  case streamCaret
}
