import PonderCore
import Testing

/// Which line each key is written on, so a warning can point at it.
@Suite struct ConfigKeyLinesTests {
  @Test func keysHeadersAndDottedKeys() {
    let lines = ConfigKeyLines(
      """
      # a comment with model = "not a key"
      model = "m"
        idle_timeout = 3   # indented

      [tools]
      enabled = true
      [mcp.files]
      command = "npx"
      [mcp.files.env]
      "QUOTED.KEY" = 1
      options.num_ctx = 8
      """)
    #expect(lines.line(of: ["model"]) == 2)
    #expect(lines.line(of: ["idle_timeout"]) == 3)
    #expect(lines.line(of: ["tools"]) == 5)
    #expect(lines.line(of: ["tools", "enabled"]) == 6)
    #expect(lines.line(of: ["mcp"]) == 7)
    #expect(lines.line(of: ["mcp", "files", "command"]) == 8)
    #expect(lines.line(of: ["mcp", "files", "env", "QUOTED.KEY"]) == 10)
    #expect(lines.line(of: ["mcp", "files", "env", "options", "num_ctx"]) == 11)
  }

  @Test func multiLineStringsAndArraysHideWhatLooksLikeKeys() {
    let lines = ConfigKeyLines(
      """
      system = \"\"\"
      model = "inside the string"
      [tools]
      \"\"\"
      args = [
        ["nested", "array"],
        "x = y",
      ]
      model = "m"
      """)
    #expect(lines.line(of: ["model"]) == 9)
    #expect(lines.line(of: ["tools"]) == nil)
    #expect(lines.line(of: ["nested"]) == nil)
  }

  @Test func aKeyInsideAnInlineTableGetsItsTablesLine() {
    let lines = ConfigKeyLines("model = \"m\"\noptions = { num_ctx = \"big\" }\n")
    #expect(lines.line(of: ["options", "num_ctx"]) == 2)
    #expect(lines.line(of: ["nowhere"]) == nil)
    #expect(ConfigKeyLines().line(of: ["model"]) == nil)
  }

  @Test func arraysOfTablesAreHeadersToo() {
    let lines = ConfigKeyLines("[[servers]]\nname = \"a\"\n")
    #expect(lines.line(of: ["servers", "name"]) == 2)
  }
}
