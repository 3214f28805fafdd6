/// Where a model pull stands: the phase and, per layer, the latest byte counts.
///
/// Layers download in parallel and their lines interleave; the overall figures are the sums of
/// the latest `completed`/`total` of each digest (protocols.md §1.7).
public struct PullProgress: Sendable, Equatable {
  /// One layer's latest counts.
  public struct Layer: Sendable, Equatable {
    public var digest: String
    public var completed: Int64
    public var total: Int64
  }

  public var model: String
  /// The server's last status line (`pulling manifest`, `pulling dde5aa3fc5ff`, `verifying sha256 digest`).
  public var status: String
  public private(set) var layers: [Layer] = []
  public private(set) var succeeded = false

  public init(model: String, status: String = "starting") {
    self.model = model
    self.status = status
  }

  public mutating func apply(_ event: PullEvent) {
    switch event {
    case .status(let text):
      status = text
    case .layer(let text, let digest, let completed, let total):
      status = text
      let layer = Layer(digest: digest, completed: completed, total: total)
      if let index = layers.firstIndex(where: { $0.digest == digest }) {
        layers[index] = layer
      } else {
        layers.append(layer)
      }
    case .success:
      status = "success"
      succeeded = true
    case .failed:
      break
    }
  }

  /// The sums stop at Int64.max: a server may claim layers whose sizes add up past it.
  public var completed: Int64 { Self.sum(layers.map(\.completed)) }
  public var total: Int64 { Self.sum(layers.map(\.total)) }

  private static func sum(_ counts: [Int64]) -> Int64 {
    counts.reduce(0) { sum, count in
      let (result, overflow) = sum.addingReportingOverflow(count)
      return overflow ? .max : result
    }
  }

  /// 0…1 once any size is known.
  public var fraction: Double? {
    if succeeded { return 1 }
    let total = self.total
    return total > 0 ? min(1, Double(completed) / Double(total)) : nil
  }
}
