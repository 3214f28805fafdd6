import PonderCore
import PonderMCPBridge
import PonderTOML
import Testing

/// `[mcp.NAME]` sections of the config file: what a server needs, and the errors for what it lacks.
@Suite struct MCPServerConfigTests {
  private func parse(_ text: String) throws -> (servers: [MCPServerConfig], problems: [String]) {
    MCPServerConfig.all(in: TOMLReader.config(text))
  }

  @Test func aFullSectionWithEnvironment() throws {
    let (servers, problems) = try parse(
      """
      model = "qwen3"

      [mcp.files]
      command = "npx"
      args = ["-y", "@modelcontextprotocol/server-filesystem", "/home/me/notes"]

      [mcp.files.env]
      LOG_LEVEL = "warn"
      PORT = 8080
      VERBOSE = true
      """)
    #expect(problems.isEmpty)
    #expect(
      servers == [
        MCPServerConfig(
          name: "files", command: "npx",
          arguments: ["-y", "@modelcontextprotocol/server-filesystem", "/home/me/notes"],
          environment: ["LOG_LEVEL": "warn", "PORT": "8080", "VERBOSE": "true"], isEnabled: true)
      ])
  }

  @Test func argsAndEnvAreOptionalAndServersComeInNameOrder() throws {
    let (servers, problems) = try parse(
      """
      [mcp.web]
      command = "/usr/local/bin/web-mcp"
      [mcp.db]
      command = 'db-mcp'
      """)
    #expect(problems.isEmpty)
    #expect(servers.map(\.name) == ["db", "web"])
    #expect(servers.map(\.command) == ["db-mcp", "/usr/local/bin/web-mcp"])
    #expect(servers.allSatisfy { $0.arguments.isEmpty && $0.environment.isEmpty && $0.isEnabled })
  }

  @Test func aSectionWithoutCommandIsAProblemAndTheOthersStillCount() throws {
    let (servers, problems) = try parse(
      """
      [mcp.broken]
      args = ["--stdio"]
      [mcp.good]
      command = "good-mcp"
      """)
    #expect(servers.map(\.name) == ["good"])
    #expect(problems.count == 1)
    #expect(problems.first?.hasPrefix("[mcp.broken]: no command; add a line like command = ") == true)
  }

  @Test func anEnvSectionAloneHasNoCommand() throws {
    #expect(throws: MCPConfigError.self) {
      try MCPServerConfig(name: "only", in: TOMLReader.config("[mcp.only.env]\nA = \"b\"\n"))
    }
    let (servers, problems) = try parse("[mcp.only.env]\nA = \"b\"\n")
    #expect(servers.isEmpty)
    #expect(
      problems == ["[mcp.only]: no command; add a line like command = \"npx\" (the program that starts the server)"])
  }

  @Test func disabledServersAreParsedButMarked() throws {
    let (servers, problems) = try parse(
      """
      [mcp.off]
      command = "off-mcp"
      enabled = false
      """)
    #expect(problems.isEmpty)
    #expect(servers.count == 1)
    #expect(servers.first?.isEnabled == false)
  }

  @Test(arguments: [
    ("[mcp.x]\ncommand = \"\"\n", "command must be a non-empty string"),
    ("[mcp.x]\ncommand = [\"npx\"]\n", "command must be a non-empty string"),
    ("[mcp.x]\ncommand = \"npx\"\nargs = \"-y\"\n", "not started: args must be a list of strings"),
    ("[mcp.x]\ncommand = \"npx\"\nenabled = \"no\"\n", "not started: enabled must be true or false"),
    ("[mcp.x]\ncommand = \"npx\"\nenv = [\"A=b\"]\n", "not started: env must be a table, like [mcp.x.env]"),
    ("[mcp.x]\ncommand = \"npx\"\n[mcp.x.env]\nA = [\"b\"]\n", "not started: [mcp.x.env] A must be a single value"),
  ])
  func badValuesAreExplained(text: String, expected: String) throws {
    let (servers, problems) = try parse(text)
    #expect(servers.isEmpty)
    #expect(problems.count == 1)
    #expect(problems.first?.hasPrefix("[mcp.x]: \(expected)") == true, "\(problems)")
  }

  @Test func noMCPSectionsMeansNoServers() throws {
    let (servers, problems) = try parse("model = \"qwen3\"\n[tools]\nalways_allow = [\"run_command\"]\n")
    #expect(servers.isEmpty)
    #expect(problems.isEmpty)
  }

  @Test func anUnknownKeyIsTheConfigsWarningAndTheServerStillStarts() {
    let config = TOMLReader.config("[mcp.x]\ncommand = \"npx\"\narg = [\"-y\"]\n")
    #expect(config.problems.map(\.message) == ["unknown key `arg` in [mcp.x] (did you mean `args`?); ignored"])
    let (servers, problems) = MCPServerConfig.all(in: config)
    #expect(servers.map(\.name) == ["x"])
    #expect(problems.isEmpty)
  }

  @Test func anInlineEnvTableIsTheSameAsItsSection() throws {
    let (servers, problems) = try parse("[mcp.x]\ncommand = \"npx\"\nenv = { A = \"b\", N = 1 }\n")
    #expect(problems.isEmpty)
    #expect(servers.first?.environment == ["A": "b", "N": "1"])
  }
}
