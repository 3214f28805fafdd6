import ArgumentParser
import PonderCore
import PonderHTTP

/// Formats a model list as aligned columns.
enum ModelTable {
  static func render(_ models: [ModelInfo]) -> String {
    let header = ["NAME", "SIZE", "PARAMETERS", "QUANTIZATION"]
    let rows = models.map { model in
      [model.name, model.sizeBytes.map(ByteSize.text) ?? "-", model.parameterSize ?? "-", model.quantization ?? "-"]
    }
    let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
    return ([header] + rows).map { row in
      row.enumerated().map { column, cell in
        column == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[column] - cell.count + 2)
      }.joined()
    }.joined(separator: "\n") + "\n"
  }

}
