import PonderCore
import PonderTOML
import Testing

/// Saving "always allow" rewrites one line and keeps the rest of the user's file as written; what
/// it writes reads back through the real TOML parser.
@Suite struct ConfigEditorTests {
  @Test func anEmptyFileGetsTheSection() throws {
    let text = ConfigEditor.setting("always_allow", to: ["run_command"], inSection: "tools", of: "")
    #expect(text == "[tools]\nalways_allow = [\"run_command\"]\n")
    #expect(TOMLReader.config(text).strings("tools.always_allow") == ["run_command"])
  }

  @Test func anExistingKeyIsReplacedAndCommentsStay() throws {
    let before = """
      # my settings
      model = "qwen3:8b"

      [tools]
      # asked once, then saved
      always_allow = ["write_file"]   
      enabled = true

      [mcp.files]
      command = "mcp-files"
      """
    let after = ConfigEditor.setting("always_allow", to: ["write_file", "run_command"], inSection: "tools", of: before)
    let config = TOMLReader.config(after)
    #expect(config.strings("tools.always_allow") == ["write_file", "run_command"])
    #expect(config.string("model") == "qwen3:8b")
    #expect(config.string("mcp.files.command") == "mcp-files")
    #expect(config.bool("tools.enabled") == true)
    #expect(
      after.contains("# asked once, then saved\nalways_allow = [\"write_file\", \"run_command\"]\nenabled = true"))
  }

  @Test func aMissingKeyGoesAtTheEndOfItsSectionBeforeTheNext() throws {
    let before = "model = \"m\"\n\n[tools]\nenabled = true\n\n[mcp.x]\ncommand = \"x\"\n"
    let after = ConfigEditor.setting("always_allow", to: ["a\"b"], inSection: "tools", of: before)
    #expect(
      after == "model = \"m\"\n\n[tools]\nenabled = true\nalways_allow = [\"a\\\"b\"]\n\n[mcp.x]\ncommand = \"x\"\n")
    #expect(TOMLReader.config(after).strings("tools.always_allow") == ["a\"b"])
  }

  @Test func aFileWithoutTheSectionGetsItAppended() throws {
    let after = ConfigEditor.setting("always_allow", to: ["x"], inSection: "tools", of: "model = \"m\"")
    #expect(after == "model = \"m\"\n\n[tools]\nalways_allow = [\"x\"]\n")
  }
}

extension ConfigEditorTests {
  @Test func everyProblemFreeEditReadsBackWithNoProblems() throws {
    let before = """
      model = "qwen3:8b"   # the usual
      system = \"\"\"
      Answer briefly.
      [tools] is not a header in here
      \"\"\"
      options = { num_ctx = 8192 }

      [tools]
      always_allow = ['write_file']
      """
    let after = ConfigEditor.setting("always_allow", to: ["write_file", "run_command"], inSection: "tools", of: before)
    let config = TOMLReader.config(after)
    #expect(config.problems == [])
    #expect(config.strings("tools.always_allow") == ["write_file", "run_command"])
    #expect(config.string("system") == "Answer briefly.\n[tools] is not a header in here\n")
  }
}
