import PonderCore

/// A modal box over the screen; while one is open it receives every key.
public enum Overlay: Sendable, Equatable {
  case help
  /// Choose what to copy: the answer, the reasoning, or code block N.
  case copyMenu(codeBlocks: Int)
  case modelPicker(models: [ModelInfo], selected: Int)
  case loadingModels
  /// A model is being pulled (``AppState/pull``): the progress bar; Ctrl-C cancels.
  case pulling
  /// May this tool call run? Answered with o/s/a/d; only ^C (cancel the turn) and ^Q get past it.
  case approval(ApprovalRequest)
  /// Saved conversations: filter as you type, open, rename, delete.
  case sessions(SessionsBrowser)
  /// The slash commands (`/help`).
  case commands
  /// The prompt does not fit the context window: the ways out.
  case contextFull(ContextOverflow)
  /// A thinking model spent its whole budget and gave no answer: retry with more room (m) or
  /// with thinking off (t).
  case lengthStop(LengthStop)
}

extension ApprovalRequest {
  /// The arguments as `key: value` lines for a box `width` columns wide. Values are wrapped,
  /// never cut: the user must see all of what they allow (a long `run_command` included); the
  /// continuation lines have an empty key.
  public func argumentLines(width: Int) -> [(String, String)] {
    let limit = max(8, width)
    guard case .object(let members) = call.arguments, call.argumentsError == nil else {
      let text = call.argumentsError.map { "unreadable: \($0)" } ?? call.arguments.serialized
      return Self.wrapped(text, limit).enumerated().map { ($0.offset == 0 ? "arguments" : "", $0.element) }
    }
    if members.isEmpty { return [("arguments", "none")] }
    return members.flatMap { member in
      let text = member.value.stringValue ?? member.value.serialized
      return Self.wrapped(text, limit).enumerated().map { ($0.offset == 0 ? member.key : "", $0.element) }
    }
  }

  /// `text` on one line (newlines shown as ⏎), in pieces at most `limit` columns wide.
  static func wrapped(_ text: String, _ limit: Int) -> [String] {
    let flat = Sanitizer.clean(text.replacing("\n", with: " ⏎ "))
    var pieces: [String] = []
    var current = ""
    var used = 0
    for character in flat {
      let width = DisplayWidth.of(String(character))
      if used + width > limit, !current.isEmpty {
        pieces.append(current)
        current = ""
        used = 0
      }
      current.append(character)
      used += width
    }
    pieces.append(current)
    return pieces
  }

  static func cut(_ text: String, _ limit: Int) -> String {
    let flat = Sanitizer.clean(text.replacing("\n", with: " ⏎ "))
    guard DisplayWidth.of(flat) > limit else { return flat }
    var result = ""
    var used = 0
    for character in flat {
      let width = DisplayWidth.of(String(character))
      if used + width > limit - 1 { break }
      result.append(character)
      used += width
    }
    let hidden = flat.count - result.count
    return result + "…" + (hidden > 0 ? " (+\(hidden) chars)" : "")
  }
}
