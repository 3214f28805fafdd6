import PonderCore
import PonderScreen
import PonderTOML
import PonderTestSupport
import Testing

/// Real TOML text through TOMLKit into the config model: the forms the hand-written reader did not
/// know, and a malformed file placed on its line.
@Suite struct TOMLReaderTests {
  @Test func inlineTablesArraysStringsAndComments() throws {
    let config = TOMLReader.config(
      #"""
      # Ponder's settings
      model = 'qwen3:8b'            # a literal string
      system = """
      Answer briefly.
      Use "quotes" freely."""
      host = "http://gpu-box:11434" # a comment after a "quoted # value"
      api_key_env = "KEY_\u0041"
      options = { num_ctx = 8192, temperature = 0.2, stop = ["END", '\n'] }

      [tools]
      always_allow = [
        "run_command",   # asked once
        "write_file",
      ]
      search_timeout_seconds = 1.5

      [mcp.files]
      command = "npx"
      env = { LOG_LEVEL = "warn", PORT = 8080 }
      """#)
    #expect(config.problems == [])
    #expect(config.string("model") == "qwen3:8b")
    #expect(config.string("system") == "Answer briefly.\nUse \"quotes\" freely.")
    #expect(config.string("host") == "http://gpu-box:11434")
    #expect(config.string("api_key_env") == "KEY_A")
    #expect(config.object("options")?.serialized == #"{"num_ctx":8192,"stop":["END","\\n"],"temperature":0.2}"#)
    #expect(config.strings("tools.always_allow") == ["run_command", "write_file"])
    #expect(config.searchTimeoutSeconds == 1.5)
    #expect(config.values["mcp.files.env.PORT"] == .number(8080))
  }

  @Test func dottedKeysAndDatesReachTheModel() throws {
    let document = try TOMLReader.read("tools.enabled = false\nwhen = 1979-05-27T07:32:00Z\n")
    guard case .table(let members) = document else { throw Fail.notATable }
    #expect(members["tools"] == .table(["enabled": .bool(false)]))
    if case .dateTime? = members["when"] {} else { Issue.record("a date is kept as a date: \(members)") }
    let config = TOMLReader.config("tools.enabled = false\nwhen = 1979-05-27T07:32:00Z\n")
    #expect(config.toolsEnabled == false)
    #expect(config.problems.map(\.line) == [2])
  }

  @Test func wrongTypesAndUnknownKeysAreOnTheirLines() {
    let config = TOMLReader.config(
      """
      model = "m"

      idle_timeout = "300"
      [tools]
      enabeld = false
      options = { num_ctx = { big = true } }
      """)
    #expect(
      config.problems.map { $0.report(in: "c.toml") } == [
        "c.toml:3: idle_timeout: expected a number above 0 (at most 1000000000), found a string (\"300\"); the default (300) applies",
        "c.toml:5: unknown key `enabeld` in [tools] (did you mean `enabled`?); ignored",
        "c.toml:6: unknown key `options` in [tools]; ignored",
      ])
    #expect(config.string("model") == "m")
  }

  @Test(arguments: [
    ("model = \"m\"\nhost = \n", 2),
    ("model = \"m\"\n[tools\nenabled = true\n", 2),
    ("model = \"unterminated\n", 1),
    ("model = \"a\"\nmodel = \"b\"\n", 2),
  ])
  func aMalformedFileIsOneProblemOnItsLineAndNothingApplies(text: String, line: Int) {
    let config = TOMLReader.config(text)
    #expect(config.values.isEmpty)
    #expect(config.problems.count == 1)
    #expect(config.problems.first?.line == line, "\(config.problems)")
    #expect(config.problems.first?.message.hasPrefix("not valid TOML (") == true)
    #expect(config.problems.first?.message.hasSuffix("nothing in this file applies, Ponder uses its defaults") == true)
  }

  @Test func anEmptyFileIsNoProblem() {
    #expect(TOMLReader.config("") == ConfigFile(document: .table([:])))
    #expect(TOMLReader.config("# only a comment\n").problems.isEmpty)
  }

  enum Fail: Error { case notATable }
}
