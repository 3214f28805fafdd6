/// Collects streamed tool-call fragments until the choice finishes (protocols.md §2.4).
///
/// Same semantics as the official SDKs: fragments are keyed by `index` (falling back to the `id`
/// for servers that omit it), `id` and `name` are set — llama.cpp resends them — and `arguments`
/// is appended. The text is parsed once, in ``flush()``, never per fragment.
struct ToolCallAccumulator: Sendable {
  private struct Pending: Sendable {
    var index: Int
    var id: String?
    var name = ""
    var arguments = ""
  }

  /// In order of first appearance; a handful at most, so a linear search is fine.
  private var pending: [Pending] = []
  private var lastIndex: Int?

  var isEmpty: Bool { pending.isEmpty }

  mutating func apply(_ delta: ToolCallDelta) {
    let key = slot(for: delta)
    lastIndex = key
    let position: Int
    if let existing = pending.firstIndex(where: { $0.index == key }) {
      position = existing
    } else {
      pending.append(Pending(index: key))
      position = pending.count - 1
    }
    if let id = delta.id, !id.isEmpty { pending[position].id = id }
    if let name = delta.name, !name.isEmpty { pending[position].name = name }
    if let arguments = delta.arguments { pending[position].arguments += arguments }
  }

  /// The complete calls in index order, arguments parsed; calls that never got a name are dropped
  /// (there is nothing to run). Clears the accumulator.
  mutating func flush() -> [ToolCall] {
    defer {
      pending.removeAll()
      lastIndex = nil
    }
    return pending.sorted { $0.index < $1.index }.compactMap { call in
      guard !call.name.isEmpty else { return nil }
      return ToolArguments.toolCall(id: call.id, name: call.name, rawArguments: call.arguments)
    }
  }

  /// `index` when given; else the slot of a known `id`, a new slot for a new `id`, or the last slot.
  private func slot(for delta: ToolCallDelta) -> Int {
    if let index = delta.index { return index }
    if let id = delta.id, !id.isEmpty {
      if let known = pending.first(where: { $0.id == id }) { return known.index }
      return (pending.map(\.index).max() ?? -1) + 1
    }
    return lastIndex ?? 0
  }
}
