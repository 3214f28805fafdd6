import PonderCore

/// A command typed in the input line (`/new`, `/set num_ctx 8192`, …): parsed here, carried out
/// by the reducer, never sent to the model. `//` at the start sends a literal `/`.
public enum SlashCommand: Sendable, Equatable {
  case new
  case clear
  /// `nil`: open the model picker.
  case model(String?)
  /// `nil`: the server's default.
  case think(ThinkSetting?)
  /// `nil`: remove the system prompt.
  case system(String?)
  /// `/set` lists the options; `/set NAME` removes one; `/set NAME VALUE` sets it.
  case set(name: String?, value: String?)
  case retry
  case edit
  /// Send the last failed or cancelled exchange with the next request after all.
  case keep
  /// `nil`: the last answer; N: the answer of turn N.
  case copy(Int?)
  case attach(String)
  case help
  case quit

  /// Every command with its arguments and what it does: `/help`, Tab completion and the docs.
  public static let catalog: [(name: String, arguments: String, summary: String)] = [
    ("new", "", "start a new conversation (this one stays saved)"),
    ("clear", "", "clear the screen; the conversation goes on"),
    ("model", "[NAME]", "use model NAME; alone, choose from the list"),
    ("think", "on|off|low|medium|high|default", "how hard the model thinks"),
    ("system", "[TEXT]", "this conversation's system prompt; alone, removes it"),
    ("set", "[OPTION [VALUE]]", "a model option (num_ctx, temperature, top_p, seed, num_predict…); alone, lists them"),
    ("retry", "", "generate the last answer again, replacing it"),
    ("edit", "", "the last prompt back into the input; sending replaces the last exchange"),
    ("keep", "", "send the last failed or cancelled exchange with the next request after all"),
    ("copy", "[N]", "copy the answer of turn N (the last answer without N)"),
    ("attach", "PATH", "add an image (vision models) or a text file to the next message"),
    ("help", "", "this list"),
    ("quit", "", "quit Ponder"),
  ]

  /// What the input holds, for `send`: a command, a message, or a hint for a bad command.
  public enum Parsed: Sendable, Equatable {
    case command(SlashCommand)
    /// Text for the model (`//x` becomes `/x`).
    case message(String)
    /// A `/…` that is no command, or a command used wrongly: one line saying what to type.
    case hint(String)
  }

  public static func parse(_ input: String) -> Parsed {
    guard input.hasPrefix("/") else { return .message(input) }
    if input.hasPrefix("//") { return .message(String(input.dropFirst())) }
    let body = input.dropFirst()
    let name = String(body.prefix { !$0.isWhitespace }).lowercased()
    let rest = body.dropFirst(name.count).trimmingWhitespace()
    let argument: String? = rest.isEmpty ? nil : rest
    switch name {
    case "new": return argument == nil ? .command(.new) : usage("new")
    case "clear": return argument == nil ? .command(.clear) : usage("clear")
    case "model": return .command(.model(argument))
    case "think":
      switch argument?.lowercased() {
      case "default"?: return .command(.think(nil))
      case let word?:
        guard
          let setting = ThinkSetting(storedValue: word)
            ?? (word == "true" ? .enabled(true) : word == "false" ? .enabled(false) : nil)
        else { return usage("think") }
        return .command(.think(setting))
      case nil: return usage("think")
      }
    case "system": return .command(.system(argument))
    case "set":
      guard let argument else { return .command(.set(name: nil, value: nil)) }
      let option = String(argument.prefix { !$0.isWhitespace })
      let value = argument.dropFirst(option.count).trimmingWhitespace()
      return .command(.set(name: option, value: value.isEmpty ? nil : value))
    case "retry": return argument == nil ? .command(.retry) : usage("retry")
    case "edit": return argument == nil ? .command(.edit) : usage("edit")
    case "keep": return argument == nil ? .command(.keep) : usage("keep")
    case "copy":
      guard let argument else { return .command(.copy(nil)) }
      guard let number = Int(argument), number > 0 else { return usage("copy") }
      return .command(.copy(number))
    case "attach":
      guard let argument else { return usage("attach") }
      return .command(.attach(argument))
    case "help", "?": return .command(.help)
    case "quit", "exit", "q": return .command(.quit)
    default:
      let close = catalog.map(\.name).filter { $0.hasPrefix(name) || EditDistance.between($0, name) <= 2 }
      let suggestion = close.isEmpty ? "" : " (did you mean /\(close.joined(separator: ", /"))?)"
      return .hint("/\(name) is not a command\(suggestion): /help lists them, // sends a literal /")
    }
  }

  /// Command names that start with `prefix`.
  public static func completions(of prefix: String) -> [String] {
    catalog.map(\.name).filter { $0.hasPrefix(prefix.lowercased()) }
  }

  private static func usage(_ name: String) -> Parsed {
    guard let entry = catalog.first(where: { $0.name == name }) else { return .hint("unknown command") }
    return .hint("usage: /\(name)\(entry.arguments.isEmpty ? "" : " " + entry.arguments) — \(entry.summary)")
  }
}
