import ArgumentParser
import Foundation
import PonderCore
import PonderTestSupport
import Testing

@testable import PonderCLI

/// Which file a command reads, and what it says about it: the environment and the file system
/// are passed in, so the real ones are never read.
@Suite struct ConfigLoaderTests {
  private func files(_ map: [String: String]) -> (String) -> Data? { { map[$0].map { Data($0.utf8) } } }

  @Test func ponderConfigThatDoesNotExistIsAnError() {
    #expect(throws: ConfigLoader.MissingFile.self) {
      try ConfigLoader.load(environment: ["PONDER_CONFIG": "/nope.toml", "HOME": "/h"], contents: files([:]))
    }
    do {
      _ = try ConfigLoader.load(environment: ["PONDER_CONFIG": "/nope.toml"], contents: files([:]))
    } catch {
      #expect(error.description == "PONDER_CONFIG names /nope.toml, which does not exist")
    }
  }

  @Test func noFileAtTheUsualPlaceIsNoProblem() throws {
    let loaded = try ConfigLoader.load(environment: ["HOME": "/h"], contents: files([:]))
    #expect(loaded.path == "/h/.config/ponder/config.toml")
    #expect(loaded.problems.isEmpty)
    #expect(loaded.file == ConfigFile())
  }

  @Test func problemsNameTheFileTheLineAndTheKey() throws {
    let path = "/x/ponder/config.toml"
    let loaded = try ConfigLoader.load(
      environment: ["XDG_CONFIG_HOME": "/x", "HOME": "/h"],
      contents: files([path: "model = \"m\"\nmodle = \"n\"\n", "/h/.config/ponder/config.toml": "model = \"home\""]))
    #expect(loaded.file.string("model") == "m")
    #expect(loaded.problems == ["\(path):2: unknown key `modle` (did you mean `model`?); ignored"])
  }

  @Test func aMalformedFileIsOneLineSayingTheDefaultsApply() throws {
    let loaded = try ConfigLoader.load(
      environment: ["PONDER_CONFIG": "/c.toml"], contents: files(["/c.toml": "model = \"m\"\nhost =\n"]))
    #expect(loaded.problems.count == 1)
    #expect(loaded.problems[0].hasPrefix("/c.toml:2:"))
    #expect(loaded.problems[0].hasSuffix("nothing in this file applies, Ponder uses its defaults"))
    #expect(loaded.file.string("model") == nil)
  }

  @Test func aNegativeToolStepLimitSaysWhatIsWrong() {
    do {
      _ = try ToolOptions.parse(["--max-tool-steps", "-3"])
      Issue.record("a negative limit was accepted")
    } catch {
      #expect(ToolOptions.message(for: error) == "--max-tool-steps takes 0 or more")
    }
    #expect((try? ToolOptions.parse(["--max-tool-steps", "4"]))?.maxToolSteps == 4)
  }

  @Test func aNegativeIdleTimeoutSaysWhatIsWrong() {
    do {
      _ = try ServerOptions.parse(["--idle-timeout", "-5"])
      Issue.record("a negative timeout was accepted")
    } catch {
      #expect(ServerOptions.message(for: error) == "--idle-timeout takes a number of seconds above 0")
    }
    do {
      _ = try ServerOptions.parse(["--idle-timeout", "\(Int.max)"])
      Issue.record("a timeout no clock can reach was accepted")
    } catch {
      #expect(ServerOptions.message(for: error) == "--idle-timeout takes at most 1000000000 seconds")
    }
  }

  /// `idle_timeout = 1e300` used to crash converting to whole milliseconds; now it is a problem
  /// on one line and the default applies.
  @Test func aHugeIdleTimeoutInTheConfigIsAProblemNotACrash() throws {
    let config = ConfigFile(document: .table(["idle_timeout": .float(1e300), "hangup_wait_minutes": .float(1e300)]))
    #expect(config.problems.map(\.key) == ["hangup_wait_minutes", "idle_timeout"])
    let options = try ServerOptions.parse([])
    _ = options.transport(over: CannedTransport(body: ""), config: config)
    #expect(config.hangupWait == .seconds(ConfigFile.defaultHangupWaitMinutes * 60))
  }
}
