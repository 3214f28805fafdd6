/// The input line: multi-line text with a caret, and history recalled with Up/Down.
public struct InputEditor: Sendable, Equatable {
  public private(set) var text: [Character] = []
  public private(set) var cursor = 0
  public private(set) var history: [String] = []
  private var historyIndex: Int?
  private var draft: [Character] = []

  public init() {}

  public var isEmpty: Bool { text.isEmpty }
  public var string: String { String(text) }
  public var lineCount: Int { text.filter { $0 == "\n" }.count + 1 }

  public mutating func insert(_ character: Character) {
    text.insert(character, at: cursor)
    cursor += 1
    historyIndex = nil
  }

  /// Inserts a whole paste at the caret in one move: linear in its size wherever the caret is.
  public mutating func insert(_ string: String) {
    let characters = Array(string)
    text.insert(contentsOf: characters, at: cursor)
    cursor += characters.count
    historyIndex = nil
  }

  public mutating func backspace() {
    guard cursor > 0 else { return }
    cursor -= 1
    text.remove(at: cursor)
  }

  public mutating func deleteForward() {
    guard cursor < text.count else { return }
    text.remove(at: cursor)
  }

  public mutating func moveLeft() { cursor = max(0, cursor - 1) }
  public mutating func moveRight() { cursor = min(text.count, cursor + 1) }

  public mutating func moveToLineStart() {
    while cursor > 0, text[cursor - 1] != "\n" { cursor -= 1 }
  }

  public mutating func moveToLineEnd() {
    while cursor < text.count, text[cursor] != "\n" { cursor += 1 }
  }

  /// Ctrl-W: deletes the word before the caret.
  public mutating func deleteWordBackward() {
    while cursor > 0, text[cursor - 1] == " " { backspace() }
    while cursor > 0, text[cursor - 1] != " ", text[cursor - 1] != "\n" { backspace() }
  }

  /// Ctrl-U: deletes from the start of the line to the caret.
  public mutating func deleteToLineStart() {
    while cursor > 0, text[cursor - 1] != "\n" { backspace() }
  }

  /// Ctrl-K: deletes from the caret to the end of the line.
  public mutating func deleteToLineEnd() {
    while cursor < text.count, text[cursor] != "\n" { text.remove(at: cursor) }
  }

  public mutating func clear() {
    text = []
    cursor = 0
    historyIndex = nil
  }

  /// Whether Up should recall history rather than move within a multi-line entry.
  public var caretOnFirstLine: Bool { !text[..<cursor].contains("\n") }
  public var caretOnLastLine: Bool { !text[cursor...].contains("\n") }

  public mutating func historyPrevious() {
    guard !history.isEmpty else { return }
    if historyIndex == nil { draft = text }
    let index = max(0, (historyIndex ?? history.count) - 1)
    historyIndex = index
    text = Array(history[index])
    cursor = text.count
  }

  public mutating func historyNext() {
    guard let index = historyIndex else { return }
    if index + 1 < history.count {
      historyIndex = index + 1
      text = Array(history[index + 1])
    } else {
      historyIndex = nil
      text = draft
    }
    cursor = text.count
  }

  /// Ctrl-C: clears the text but records it in the history first, so Up brings it back.
  public mutating func clearIntoHistory() {
    guard !text.isEmpty else { return }
    _ = submit()
  }

  /// Takes the text for sending and records it in the history.
  public mutating func submit() -> String {
    let value = string
    if history.last != value { history.append(value) }
    clear()
    draft = []
    return value
  }

  /// The caret's line and column (in characters) within the text.
  public var caretPosition: (line: Int, column: Int) {
    let before = text[..<cursor]
    let line = before.filter { $0 == "\n" }.count
    let column = before.count - (before.lastIndex(of: "\n").map { $0 + 1 } ?? 0)
    return (line, column)
  }
}
