import Foundation

/// The models the scripted server has pulled, shared by every connection it serves.
public final class PulledModels: @unchecked Sendable {
  private let lock = NSLock()
  private var models: [ScriptedOllama.Model] = []

  public init() {}

  public var list: [ScriptedOllama.Model] { lock.withLock { models } }

  func add(_ model: ScriptedOllama.Model) {
    lock.withLock {
      models.removeAll { $0.name == model.name }
      models.append(model)
    }
  }
}
