import ArgumentParser
import Foundation
import PonderCore
import PonderStore

/// `ponder sessions`: the saved conversations, from the shell.
struct SessionsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sessions", abstract: "List, search, rename or delete saved conversations.",
    discussion: "Conversations live in $XDG_DATA_HOME/ponder/ponder.sqlite (default ~/.local/share/ponder/).",
    subcommands: [List.self, Search.self, Rename.self, Delete.self], defaultSubcommand: List.self)

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "The most recent conversations: id, updated, model, messages, title.")
    @Option(name: .long, help: "How many to show.") var limit = 50

    func run() throws {
      guard let store = try SessionsCommand.openStore() else { return }
      let list = try SessionsCommand.attempt { try store.recentConversations(limit: limit) }
      let out = FileDescriptorSink.standardOutput
      if list.isEmpty {
        FileDescriptorSink.standardError.write("ponder: no saved conversations yet (\(store.path))\n")
        return
      }
      out.write(SessionTable.render(list, terminal: out.isTerminal))
    }
  }

  struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Conversations whose prompts, answers or reasoning hold every word (prefixes match).")
    @Argument(help: "The words to find.") var words: [String]
    @Option(name: .long, help: "How many to show.") var limit = 50

    func run() throws {
      guard let store = try SessionsCommand.openStore() else { throw ExitCode(1) }
      let list = try SessionsCommand.attempt { try store.search(words.joined(separator: " "), limit: limit) }
      guard !list.isEmpty else {
        FileDescriptorSink.standardError.write("ponder: nothing matches “\(words.joined(separator: " "))”\n")
        throw ExitCode(1)
      }
      let out = FileDescriptorSink.standardOutput
      out.write(SessionTable.render(list, terminal: out.isTerminal))
    }
  }

  struct Rename: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Give a conversation a new title.")
    @Argument(help: "The conversation's id.") var id: Int64
    @Argument(help: "The new title.") var title: [String]

    func run() throws {
      guard let store = try SessionsCommand.openStore() else { throw ExitCode(1) }
      let text = title.joined(separator: " ").trimmingWhitespace()
      guard !text.isEmpty else { throw ValidationError("the title is empty") }
      try SessionsCommand.attempt { try store.rename(id, to: text) }
    }
  }

  struct Delete: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Delete conversations and all their messages.")
    @Argument(help: "The conversations' ids.") var ids: [Int64]

    func run() throws {
      guard let store = try SessionsCommand.openStore() else { throw ExitCode(1) }
      for id in ids {
        try SessionsCommand.attempt { try store.delete(id) }
        FileDescriptorSink.standardError.write("ponder: deleted conversation \(id)\n")
      }
    }
  }

  /// The store; `nil` (said on stderr) when nothing was ever saved — reading creates no file;
  /// a one-line reason and exit 1 when it cannot be used.
  static func openStore() throws -> ConversationStore? {
    let environment = ProcessInfo.processInfo.environment
    if let path = DataLocation.databasePath(environment: environment), !FileManager.default.fileExists(atPath: path) {
      FileDescriptorSink.standardError.write("ponder: no saved conversations yet (\(path))\n")
      return nil
    }
    let opening = StoreOpening.open(config: try ConfigLoader.load(reportingTo: FileDescriptorSink.standardError))
    guard let store = opening.store else {
      FileDescriptorSink.standardError.write(
        "ponder: conversations are not saved: \(opening.problem ?? "saving is off")\n")
      throw ExitCode(1)
    }
    return store
  }

  /// Runs a store call; its failure becomes one line and exit 1.
  @discardableResult
  static func attempt<T>(_ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch {
      FileDescriptorSink.standardError.write("ponder: \(StoreError.message(of: error))\n")
      throw ExitCode(1)
    }
  }
}
