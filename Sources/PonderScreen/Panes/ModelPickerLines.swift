import PonderCore

/// The model picker's rows: the current model marked, then name, size, parameters,
/// quantization and what the model can do (thinking, tools, vision, context length).
public enum ModelPickerLines {
  /// Capabilities worth showing, in this order (`completion` goes without saying).
  static let shown = ["thinking", "tools", "vision"]

  public static func lines(_ models: [ModelInfo], current: String?) -> [(String, String)] {
    let nameWidth = models.map { DisplayWidth.of($0.name) }.max() ?? 0
    return models.map { model in
      let padding = String(repeating: " ", count: nameWidth - DisplayWidth.of(model.name))
      let facts = [model.parameterSize, model.quantization].compactMap { $0 }.joined(separator: " ")
      return (model.name == current ? "●" : " ", model.name + padding + "  " + facts + "  " + abilities(model))
    }
  }

  /// `thinking tools vision 40k ctx`; `…` while `/api/show` has not answered.
  public static func abilities(_ model: ModelInfo) -> String {
    var parts = shown.filter { model.capabilities.contains($0) }
    if let length = model.contextLength { parts.append("\(ContextUsage.short(length)) ctx") }
    if parts.isEmpty, !model.detailsKnown { return "…" }
    return parts.joined(separator: " ")
  }
}
