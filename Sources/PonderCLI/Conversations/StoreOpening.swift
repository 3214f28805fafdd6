import ArgumentParser
import Foundation
import PonderCore
import PonderStore

/// Opens the conversation store as the config and environment say: the file, or why there is
/// none (saving turned off, or a file that cannot be used — said in one line, never fatal).
struct StoreOpening: Sendable {
  var store: ConversationStore?
  /// Why conversations are not saved; `nil` when `store` is set.
  var problem: String?

  /// `save = false` in the config, or `--no-save`, opens nothing.
  static func open(config: ConfigFile, noSave: Bool = false) -> StoreOpening {
    if noSave { return StoreOpening(store: nil, problem: "--no-save") }
    if !config.savesConversations { return StoreOpening(store: nil, problem: "save = false in the config") }
    guard let path = DataLocation.databasePath(environment: ProcessInfo.processInfo.environment) else {
      return StoreOpening(store: nil, problem: "neither XDG_DATA_HOME nor HOME is set")
    }
    do {
      return StoreOpening(store: try ConversationStore.open(path: path), problem: nil)
    } catch {
      return StoreOpening(store: nil, problem: StoreError.message(of: error))
    }
  }

  /// The saved conversation `id` names, or the most recent one; `verb` says what for
  /// ("resume", "continue") in the one-line error.
  func conversation(_ id: Int64?, toThe verb: String) throws -> SavedConversation {
    guard let store else {
      throw ValidationError("cannot \(verb): conversations are not saved (\(problem ?? "saving is off"))")
    }
    do {
      guard let chosen = try id ?? store.latestConversationID() else {
        throw ValidationError("no saved conversation to \(verb) yet")
      }
      return try store.conversation(chosen)
    } catch let error as ValidationError {
      throw error
    } catch {
      throw ValidationError("cannot \(verb): \(StoreError.message(of: error))")
    }
  }
}
