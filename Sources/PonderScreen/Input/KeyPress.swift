/// A key as the app understands it, decoded from the terminal by the adapter.
public enum KeyPress: Sendable, Equatable, Hashable {
  /// A printable character (never a control character).
  case character(Character)
  /// Ctrl plus a letter, as the lowercase letter (`control("c")` is Ctrl-C).
  case control(Character)
  /// Alt (Meta) plus a character.
  case alt(Character)
  case enter
  /// Alt-Enter: a newline inside the input.
  case altEnter
  case tab
  case backTab
  case backspace
  case delete
  case escape
  case up, down, left, right
  case home, end, pageUp, pageDown
  /// F1…F12.
  case function(Int)
  /// Text pasted by the user (bracketed paste): inserted as is, newlines included.
  case paste(String)
  /// A paste larger than the input takes (its size in bytes): refused with a notice, never cut.
  case pasteTooLarge(Int)
}
