import PonderCore
import PonderTestSupport
import Synchronization
import Testing

@testable import PonderCLI

/// The pull's progress reports: every phase is shown, however the server's lines are split
/// into reads.
@Suite struct ModelPullerTests {
  static let lines = [
    #"{"status":"pulling manifest"}"#,
    #"{"status":"pulling 11f2","digest":"sha256:11f2","total":1000,"completed":1000}"#,
    #"{"status":"verifying sha256 digest"}"#,
    #"{"status":"writing manifest"}"#,
    #"{"status":"success"}"#,
  ]

  @Test(arguments: [true, false])
  func eachPhaseIsReportedEvenWhenOneReadBringsSeveral(oneChunk: Bool) async {
    let text = Self.lines.joined(separator: "\n") + "\n"
    let chunks = oneChunk ? [Array(text.utf8)] : Self.lines.map { Array(($0 + "\n").utf8) }
    let transport = CannedTransport(chunks: chunks)
    let reported = Mutex<[String]>([])
    let result = await ModelPuller(
      transport: transport, backend: ChatBackend(kind: .ollama, host: "http://127.0.0.1:11434")
    )
    .pull("m") { progress in reported.withLock { $0.append(progress.status) } }
    #expect((try? result.get())?.succeeded == true)
    let statuses = reported.withLock { $0 }
    for phase in ["pulling manifest", "verifying sha256 digest", "writing manifest", "success"] {
      #expect(statuses.contains(phase), "\(statuses)")
    }
  }
}
