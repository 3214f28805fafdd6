import ArgumentParser
import PonderCore
import PonderStore

/// `ponder export`: a saved conversation to stdout, as a Markdown document or as JSON.
struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export", abstract: "Print a saved conversation as Markdown (default) or JSON.")

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case md, json
  }

  @Argument(help: "The conversation: an id from `ponder sessions`, or last.") var conversation = "last"
  @Option(name: .long, help: "md or json.") var format = Format.md

  func validate() throws {
    if conversation != "last", Int64(conversation) == nil {
      throw ValidationError("export takes a conversation id or last, got \(conversation)")
    }
  }

  func run() throws {
    guard let store = try SessionsCommand.openStore() else { throw ExitCode(1) }
    let saved = try SessionsCommand.attempt { () throws -> SavedConversation in
      guard let id = try Int64(conversation) ?? store.latestConversationID() else {
        throw StoreError("no saved conversation yet")
      }
      return try store.conversation(id)
    }
    let text = format == .md ? MarkdownTranscript.render(saved) : JSONTranscript.render(saved)
    let out = FileDescriptorSink.standardOutput
    out.write(out.isTerminal ? TerminalText.neutralised(text) : text)
  }
}
