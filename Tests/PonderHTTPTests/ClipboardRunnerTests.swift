import Foundation
import PonderScreen
import PonderTestSupport
import Testing

@testable import PonderCLI

/// Clipboard programs are started like every child of Ponder and given the text on stdin; a
/// failing or hanging one is a failed copy, never a hang.
@Suite struct ClipboardRunnerTests {
  /// A clipboard program made of a shell script.
  static func program(_ script: String) -> ClipboardMethod {
    .command(executable: "/bin/sh", arguments: ["-c", script])
  }

  @Test func theTextReachesTheProgramsInput() throws {
    let out = NSTemporaryDirectory() + "ponder-clip-\(UUID().uuidString).txt"
    let copier = Self.program("cat > '\(out)'")
    let text = "copied ✓ " + String(repeating: "x", count: 200_000)
    #expect(ClipboardRunner.run(copier, text: text))
    #expect(try String(contentsOfFile: out, encoding: .utf8) == text)
  }

  @Test func aProgramThatFailsIsAFailedCopy() throws {
    #expect(!ClipboardRunner.run(Self.program("cat >/dev/null; exit 1"), text: "x"))
    #expect(!ClipboardRunner.run(.command(executable: "/no/such/program", arguments: []), text: "x"))
  }

  @Test func aProgramThatHangsIsKilledWithItsGroup() async throws {
    let marker = NSTemporaryDirectory() + "ponder-clip-\(UUID().uuidString).pid"
    #expect(!ClipboardRunner.run(Self.program("sleep 60 & echo $! > '\(marker)'; wait"), text: "x"))
    let child = try #require(Int32(try String(contentsOfFile: marker, encoding: .utf8).trimmingWhitespace()))
    // Killed, it may take a moment to die and be reaped (by init, its parent gone): waited for.
    #expect(await ProcessProbe.isGone(child), "the program's child was left running")
  }
}
