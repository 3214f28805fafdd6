import PonderCore
import PonderScreen
import PonderTOML
import PonderTestSupport
import Testing

/// Theme files are TOML too, read by the same parser.
@Suite struct ThemeFileTests {
  private func theme(_ text: String) throws -> Theme {
    try Theme(document: TOMLReader.read(text), base: nil)
  }

  @Test(arguments: ["default-dark", "light"])
  func shippedThemesParseAndStyleEveryRole(name: String) throws {
    let text = String(decoding: Fixtures.repositoryFile("Themes/\(name).theme"), as: UTF8.self)
    let theme = try theme(text)
    #expect(theme.name == name)
    #expect(theme.styles[.title] != nil)
    #expect(theme.styles[.searchCurrent] != nil)
  }

  @Test func builtInDefaultIsTheShippedFile() throws {
    let text = String(decoding: Fixtures.repositoryFile("Themes/default-dark.theme"), as: UTF8.self)
    #expect(try theme(text) == BuiltInTheme.defaultDark)
  }

  @Test func brokenThemesAreRefusedWithAReason() {
    #expect(throws: Theme.ParseError.self) { try theme("[title]\nfg = \"purplish\"") }
    #expect(throws: Theme.ParseError.self) { try theme("[nosuchrole]\nfg = \"red\"") }
    #expect(throws: Theme.ParseError.self) { try theme("[title]\nbold = 3") }
    #expect(throws: Theme.ParseError.self) { try theme("title = \"red\"") }
  }
}
