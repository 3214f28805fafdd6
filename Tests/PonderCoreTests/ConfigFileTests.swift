import PonderCore
import Testing

/// The config model: which keys Ponder knows, their types and defaults, and how each mistake is
/// worded — judged from a parsed document, with no TOML text involved.
@Suite struct ConfigFileTests {
  private func file(_ members: [String: ConfigNode], lines: String = "") -> ConfigFile {
    ConfigFile(document: .table(members), keyLines: ConfigKeyLines(lines))
  }

  @Test func everyKnownKeyIsKeptWithItsType() {
    let config = file([
      "host": .string("http://gpu-box:11434"), "api": .string("openai"), "model": .string("qwen3:8b"),
      "theme": .string("light"), "api_key_env": .string("KEY"), "system": .string("Be brief."),
      "think": .string("low"), "think_tags": .bool(false), "save": .bool(false),
      "hangup_wait_minutes": .integer(0), "idle_timeout": .float(2.5),
      "options": .table(["num_ctx": .integer(8192), "temperature": .float(0.2), "stop": .array([.string("END")])]),
      "tools": .table([
        "enabled": .bool(false), "always_allow": .array([.string("run_command")]),
        "search_timeout_seconds": .integer(5),
      ]),
      "mcp": .table([
        "files": .table([
          "command": .string("npx"), "args": .array([.string("-y")]), "enabled": .bool(true),
          "env": .table(["PORT": .integer(8080)]),
        ])
      ]),
    ])
    #expect(config.problems == [])
    #expect(config.string("host") == "http://gpu-box:11434")
    #expect(config.string("api") == "openai")
    #expect(config.string("think") == "low")
    #expect(config.thinkTags == .never)
    #expect(config.savesConversations == false)
    #expect(config.hangupWait == .zero)
    #expect(config.idleTimeout == .milliseconds(2500))
    #expect(config.object("options")?.serialized == #"{"num_ctx":8192,"stop":["END"],"temperature":0.2}"#)
    #expect(config.toolsEnabled == false)
    #expect(config.strings("tools.always_allow") == ["run_command"])
    #expect(config.searchTimeoutSeconds == 5)
    #expect(config.sections(under: "mcp") == ["files"])
    #expect(config.values["mcp.files.env.PORT"] == .number(8080))
  }

  @Test func anEmptyFileGivesTheDefaults() {
    let config = ConfigFile()
    #expect(config.idleTimeout == .seconds(300))
    #expect(config.hangupWait == .seconds(30 * 60))
    #expect(config.searchTimeoutSeconds == 20)
    #expect(config.savesConversations && config.toolsEnabled && config.thinkTags == .auto)
    #expect(config.problems.isEmpty)
  }

  @Test func anUnknownKeyIsAWarningWithTheNearestKnownKeyAndItsLine() {
    let config = file(
      ["modle": .string("qwen3"), "host": .string("http://h:1")], lines: "host = \"http://h:1\"\nmodle = \"qwen3\"\n")
    #expect(
      config.problems == [
        ConfigProblem(line: 2, key: "modle", message: "unknown key `modle` (did you mean `model`?); ignored")
      ])
    #expect(config.string("host") == "http://h:1", "the rest of the file still applies")
    #expect(config.string("model") == nil)
  }

  @Test func anUnknownKeyInATableNamesTheTableAndItsOwnKeys() {
    let text = "[tools]\nenabeld = false\nfrobnicate = 1\n"
    let config = file(["tools": .table(["enabeld": .bool(false), "frobnicate": .integer(1)])], lines: text)
    #expect(
      config.problems.map(\.message) == [
        "unknown key `enabeld` in [tools] (did you mean `enabled`?); ignored",
        "unknown key `frobnicate` in [tools]; ignored",
      ])
    #expect(config.problems.map(\.line) == [2, 3])
    #expect(config.toolsEnabled, "the misspelt key changed nothing")
  }

  @Test func aWrongTypeIsAWarningNamingTheKeyWhatWasExpectedAndTheDefault() {
    let text = "model = \"m\"\nidle_timeout = \"300\"\nsave = \"no\"\n"
    let config = file(["model": .string("m"), "idle_timeout": .string("300"), "save": .string("no")], lines: text)
    #expect(
      config.problems == [
        ConfigProblem(
          line: 2, key: "idle_timeout",
          message:
            "idle_timeout: expected a number above 0 (at most 1000000000), found a string (\"300\"); the default (300) applies"
        ),
        ConfigProblem(
          line: 3, key: "save",
          message: "save: expected true or false, found a string (\"no\"); the default (true) applies"),
      ])
    #expect(config.idleTimeout == .seconds(300))
    #expect(config.savesConversations)
    #expect(config.string("model") == "m")
    #expect(config.rejected == ["idle_timeout", "save"])
  }

  @Test(arguments: [
    (ConfigNode.string("olama"), "api: expected one of auto, ollama, openai, anthropic, found a string (\"olama\")"),
    (ConfigNode.integer(0), "api: expected one of auto, ollama, openai, anthropic, found a number (0)"),
  ])
  func aChoiceOutsideItsWordsIsNamed(value: ConfigNode, message: String) {
    let config = file(["api": value])
    #expect(config.problems.first?.message.hasPrefix(message) == true, "\(config.problems)")
    #expect(config.string("api") == nil)
  }

  @Test func thinkTakesItsWordsOrTrueAndFalse() {
    #expect(file(["think": .bool(true)]).string("think") == "on")
    #expect(file(["think": .bool(false)]).string("think") == "off")
    #expect(file(["think": .string("high")]).string("think") == "high")
    #expect(file(["think": .string("very")]).problems.count == 1)
  }

  @Test func numbersMustBeInRange() {
    #expect(file(["idle_timeout": .integer(0)]).problems.first?.message.contains("expected a number above 0") == true)
    #expect(file(["hangup_wait_minutes": .integer(-1)]).problems.first?.message.contains("0 or more") == true)
    #expect(file(["hangup_wait_minutes": .integer(0)]).problems.isEmpty)
  }

  @Test(arguments: [
    ConfigNode.float(1e300), .float(.nan), .float(.infinity), .float(-.infinity), .float(-1), .integer(.max),
    .float(1e9 + 1),
  ])
  func aNumberNoDurationHoldsIsAProblemAndTheDefaultApplies(_ number: ConfigNode) {
    let config = file([
      "idle_timeout": number, "hangup_wait_minutes": number, "tools": .table(["search_timeout_seconds": number]),
    ])
    #expect(config.problems.count == 3, "\(config.problems)")
    #expect(config.idleTimeout == .seconds(ConfigFile.defaultIdleTimeoutSeconds))
    #expect(config.hangupWait == .seconds(ConfigFile.defaultHangupWaitMinutes * 60))
    #expect(config.searchTimeoutSeconds == Double(ConfigFile.defaultSearchTimeoutSeconds))
  }

  @Test func theLargestNumberIsTaken() {
    let config = file(["idle_timeout": .float(1e9), "hangup_wait_minutes": .integer(1_000_000_000)])
    #expect(config.problems.isEmpty)
    #expect(config.idleTimeout == .seconds(1_000_000_000))
    #expect(config.hangupWait == .seconds(60_000_000_000))
  }

  @Test func aTableWhereAValueBelongsAndTheReverseAreWrongTypes() {
    let config = file(["model": .table([:]), "tools": .string("all")])
    #expect(
      config.problems.map(\.message) == [
        "model: expected a string, found a table; ignored",
        "tools: expected a table, found a string (\"all\"); ignored",
      ])
  }

  @Test func optionsTakeScalarsAndListsOfStringsOnly() {
    let options: [String: ConfigNode] = ["num_ctx": .integer(8), "nested": .table([:]), "mixed": .array([.integer(1)])]
    let config = file(["options": .table(options)])
    #expect(config.object("options")?.serialized == #"{"num_ctx":8}"#)
    #expect(config.problems.map(\.key) == ["options.mixed", "options.nested"])
    let expected = "options.mixed: expected a string, a number, true or false, or a list"
    #expect(config.problems.first?.message.hasPrefix(expected) == true)
  }

  @Test func mcpSectionsAreCheckedPerServer() {
    let config = file([
      "mcp": .table(["x": .table(["command": .string("npx"), "arg": .array([]), "args": .string("-y")])])
    ])
    #expect(
      config.problems.map(\.message) == [
        "unknown key `arg` in [mcp.x] (did you mean `args`?); ignored",
        "mcp.x.args: expected a list of strings, found a string (\"-y\"); ignored",
      ])
    #expect(config.rejected == ["mcp.x.args"])
    #expect(config.sections(under: "mcp") == ["x"])
  }

  @Test func problemsComeInTheOrderTheyAreWritten() {
    let text = "zzz = 1\n[tools]\nenabled = 3\n"
    let config = file(["zzz": .integer(1), "aaa": .integer(2), "tools": .table(["enabled": .integer(3)])], lines: text)
    #expect(config.problems.map(\.key) == ["zzz", "tools.enabled", "aaa"], "unplaced ones last")
  }

  @Test func aFileThatIsNotTOMLIsOneProblemAndTheDefaults() {
    let config = ConfigFile(unreadable: ConfigProblem(line: 3, column: 9, key: nil, message: "expected '='"))
    #expect(config.values.isEmpty)
    #expect(config.problems.count == 1)
    #expect(
      config.problems[0].report(in: "/c/config.toml")
        == "/c/config.toml:3:9: not valid TOML (expected '='); nothing in this file applies, Ponder uses its defaults")
  }

  @Test func aReportNamesFileLineAndKey() {
    let problem = ConfigProblem(line: 7, key: "idle_timeout", message: "idle_timeout: expected a number above 0")
    #expect(
      problem.report(in: "/home/me/.config/ponder/config.toml")
        == "/home/me/.config/ponder/config.toml:7: idle_timeout: expected a number above 0")
    #expect(ConfigProblem(line: nil, key: "k", message: "m").report(in: "f.toml") == "f.toml: m")
  }
}
