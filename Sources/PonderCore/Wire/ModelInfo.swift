/// A model a server offers, as listed by `ponder models` and the model picker.
public struct ModelInfo: Sendable, Equatable {
  public var name: String
  /// Size on disk in bytes, when the server says.
  public var sizeBytes: Int64?
  /// Parameter count as the server writes it (`3.2B`).
  public var parameterSize: String?
  /// Quantization as the server writes it (`Q4_K_M`).
  public var quantization: String?
  /// Capabilities (`tools`, `thinking`, …) when the listing includes them.
  public var capabilities: [String]
  /// Context length in tokens, once `/api/show` said it.
  public var contextLength: Int?
  /// Whether the details (`/api/show`) have arrived; the picker marks models still being asked.
  public var detailsKnown = false

  public init(
    name: String, sizeBytes: Int64? = nil, parameterSize: String? = nil, quantization: String? = nil,
    capabilities: [String] = []
  ) {
    self.name = name
    self.sizeBytes = sizeBytes
    self.parameterSize = parameterSize
    self.quantization = quantization
    self.capabilities = capabilities
  }

  /// Adds what `/api/show` said.
  public mutating func merge(_ details: ModelDetails) {
    if !details.capabilities.isEmpty { capabilities = details.capabilities }
    contextLength = details.contextLength ?? contextLength
    detailsKnown = true
  }

  /// Whether `name` names this model (`llama3.2` is `llama3.2:latest`).
  public func isNamed(_ name: String) -> Bool {
    self.name == name || self.name == name + ":latest"
  }
}
