import PonderCore

/// The scripted server's `/api/pull` answer, line for line as Ollama streams it
/// (protocols.md §1.7): the manifest, two layers whose progress lines interleave with growing
/// `completed`, verifying, writing the manifest, success.
///
/// A name starting with `nope` answers the in-band manifest error; a name containing
/// `diskfull` fails mid-download as a full disk does. Each line after the first waits `step`.
public struct ScriptedPull: Sendable {
  public var model: String
  public var step: Duration

  public init(model: String, step: Duration) {
    self.model = model
    self.step = step
  }

  static let bigDigest = "sha256:dde5aa3fc5ffc17176b5e8bdc82f587b24b2678c6c66101bf7da77af9f7ccdff"
  static let smallDigest = "sha256:966de95ca8a62200913e3f8bfbf84c8494536f1b94b49166851e76644e966396"
  public static let bigSize: Int64 = 1_600_000_000
  public static let smallSize: Int64 = 400_000_000
  static let bigSteps = 20
  static let smallSteps = 8

  /// The model as `/api/tags` lists it once pulled (`NAME:latest` when no tag was given).
  public var listedModel: ScriptedOllama.Model {
    let name = model.contains(":") ? model : model + ":latest"
    let vision = model.contains("vision")
    return ScriptedOllama.Model(
      name: name, thinks: false, sizeBytes: Self.bigSize + Self.smallSize, parameterSize: vision ? "10.7B" : "3.2B",
      vision: vision)
  }

  /// The progress lines; `onSuccess` runs once the last line was written.
  public func script(onSuccess: @escaping @Sendable (ScriptedOllama.Model) -> Void) -> HTTPScript {
    var script = HTTPScript.ndjson(lines, delay: step)
    if !model.hasPrefix("nope"), !model.contains("diskfull") {
      let listed = listedModel
      script.onCompleted = { onSuccess(listed) }
    }
    return script
  }

  public var lines: [String] {
    var lines = [#"{"status":"pulling manifest"}"# + "\n"]
    if model.hasPrefix("nope") {
      return lines + [#"{"error":"pull model manifest: file does not exist"}"# + "\n"]
    }
    var big = 0
    var small = 0
    while big < Self.bigSteps || small < Self.smallSteps {
      if big < Self.bigSteps {
        lines.append(
          Self.layer(
            Self.bigDigest, total: Self.bigSize, completed: Self.bigSize * Int64(big) / Int64(Self.bigSteps - 1)))
        big += 1
      }
      if model.contains("diskfull"), big == Self.bigSteps / 2 {
        return lines + [
          #"{"error":"write /root/.ollama/models/blobs/sha256-dde5aa3fc5ff-partial: no space left on device"}"# + "\n"
        ]
      }
      if small < Self.smallSteps, big % 2 == 0 {
        lines.append(
          Self.layer(
            Self.smallDigest, total: Self.smallSize,
            completed: Self.smallSize * Int64(small) / Int64(Self.smallSteps - 1)))
        small += 1
      }
    }
    for status in ["verifying sha256 digest", "writing manifest", "removing unused layers", "success"] {
      lines.append(#"{"status":"\#(status)"}"# + "\n")
    }
    return lines
  }

  /// A layer's line; `completed` is omitted while 0, as Ollama does.
  static func layer(_ digest: String, total: Int64, completed: Int64) -> String {
    let short = digest.dropFirst("sha256:".count).prefix(12)
    let done = completed > 0 ? #","completed":\#(completed)"# : ""
    return #"{"status":"pulling \#(short)","digest":"\#(digest)","total":\#(total)\#(done)}"# + "\n"
  }
}
