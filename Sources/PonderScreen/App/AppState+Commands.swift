import PonderCore

extension AppState {
  /// Carries out a slash command; the model never sees it.
  mutating func run(_ command: SlashCommand) -> [Effect] {
    switch command {
    case .new:
      return startNewConversation()
    case .clear:
      answer.removeAll()
      reasoning.removeAll()
      scroll[.answer] = ScrollState()
      scroll[.reasoning] = ScrollState()
      search = nil
      appendLog(
        .info,
        "screen cleared; the conversation goes on (\(messages.count) message\(messages.count == 1 ? "" : "s") still sent)"
      )
      return []
    case .model(let name?):
      return chooseOrPull(name)
    case .model(nil):
      overlay = .loadingModels
      return [.loadModels]
    case .think(let setting):
      think = setting
      appendLog(.info, "think: \(setting.map(\.storedValue) ?? "the server's default") from the next request")
      return []
    case .system(let text):
      systemPrompt = text
      appendLog(.info, text.map { "system prompt: \($0)" } ?? "system prompt removed")
      return []
    case .set(let name, let value):
      setOption(name, value)
      return []
    case .retry:
      return retry()
    case .edit:
      return edit()
    case .keep:
      keepExcludedExchange()
      return []
    case .copy(let number):
      return copyAnswer(ofTurn: number)
    case .attach(let path):
      return [.attach(path)]
    case .help:
      overlay = .commands
      return []
    case .quit:
      return requestQuit()
    }
  }

  /// Tab in the input: completes a command name (`/se` → `/set `), or lists the candidates.
  /// Returns false when the input is not a command name being typed.
  mutating func completeCommand() -> Bool {
    let text = input.string
    guard text.hasPrefix("/"), !text.hasPrefix("//"), !text.contains(where: \.isWhitespace) else { return false }
    let candidates = SlashCommand.completions(of: String(text.dropFirst()))
    switch candidates.count {
    case 0:
      appendLog(.info, "no command starts with \(text): /help lists them")
    case 1:
      input.clear()
      input.insert("/" + candidates[0] + " ")
    default:
      var common = candidates[0]
      for candidate in candidates.dropFirst() {
        while !candidate.hasPrefix(common) { common.removeLast() }
      }
      if common.count + 1 > text.count {
        input.clear()
        input.insert("/" + common)
      }
      appendLog(.info, candidates.map { "/" + $0 }.joined(separator: "  "))
    }
    return true
  }

  /// Options Ollama documents; others are sent as given (with a note).
  static let knownOptions: Set<String> = [
    "num_ctx", "temperature", "top_p", "top_k", "min_p", "seed", "num_predict", "repeat_penalty", "repeat_last_n",
    "presence_penalty", "frequency_penalty", "stop", "num_gpu", "num_thread", "mirostat", "mirostat_tau",
    "mirostat_eta", "typical_p", "num_keep", "max_tokens",
  ]

  private mutating func setOption(_ name: String?, _ value: String?) {
    var members = options?.objectMembers ?? []
    guard let name else {
      appendLog(
        .info,
        members.isEmpty
          ? "no options set: the server's defaults apply (/set NAME VALUE)" : "options: " + Self.describe(members))
      return
    }
    members.removeAll { $0.key == name }
    if let value {
      // Numbers and booleans keep their type; anything else is a string.
      let parsed = (try? JSONValue.parse(value)) ?? .string(value)
      members.append(JSONMember(name, parsed))
      let note = Self.knownOptions.contains(name) ? "" : " (not an option Ponder knows; sent as given)"
      appendLog(.info, "\(name) = \(parsed.serialized) from the next request\(note)")
    } else {
      appendLog(.info, "\(name) removed: the server's default applies")
    }
    options = members.isEmpty ? nil : .object(members)
  }

  static func describe(_ members: [JSONMember]) -> String {
    members.map { "\($0.key)=\($0.value.serialized)" }.joined(separator: " ")
  }

  private mutating func retry() -> [Effect] {
    guard turn == nil else {
      appendLog(.info, "a response is streaming: Ctrl-C cancels it first")
      return []
    }
    guard let last = messages.last(where: { $0.role == .user }), dropLastExchange() else {
      appendLog(.info, "nothing to retry yet")
      return []
    }
    appendLog(.retry, "generating the last answer again; the previous one is replaced")
    return [.dropLastExchange] + startTurn(last, showing: nil)
  }

  private mutating func edit() -> [Effect] {
    guard let last = messages.last(where: { $0.role == .user }) else {
      appendLog(.info, "nothing to edit yet")
      return []
    }
    input.clear()
    input.insert(last.content)
    replacesLastExchange = true
    appendLog(.info, "your last prompt is back in the input: Enter sends it in place of the last exchange")
    return []
  }

  /// The answer of turn `number` (1-based, as the Reasoning pane numbers turns); `nil`: the last.
  private mutating func copyAnswer(ofTurn number: Int?) -> [Effect] {
    var answers: [String] = []
    for message in messages {
      if message.role == .user { answers.append("") }
      if message.role == .assistant, !message.content.isEmpty, !answers.isEmpty {
        answers[answers.count - 1] = message.content
      }
    }
    guard let number else {
      return lastAnswer.isEmpty ? nothingToCopy("answer") : [.copy(text: lastAnswer, label: "the last answer")]
    }
    guard answers.indices.contains(number - 1), !answers[number - 1].isEmpty else {
      return nothingToCopy("answer in turn \(number) (there \(answers.count == 1 ? "is" : "are") \(answers.count))")
    }
    return [.copy(text: answers[number - 1], label: "the answer of turn \(number)")]
  }
}
