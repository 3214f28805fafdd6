import CNCurses
import PonderScreen
import Testing

@testable import PonderTerminal

@Suite struct MonochromeStyleTests {
  @Test func colourOnlyRolesStayVisible() {
    let theme = BuiltInTheme.defaultDark
    for role in [StyleRole.searchMatch, .searchCurrent, .overlaySelected, .statusPaused, .cursor, .header] {
      let style = MonochromeStyle.style(for: role, theme: theme)
      #expect(style.reverse || style.bold || style.underline, "\(role)")
      #expect(style.foreground == .terminalDefault && style.background == .terminalDefault)
    }
    #expect(
      MonochromeStyle.style(for: .searchMatch, theme: theme) != MonochromeStyle.style(for: .searchCurrent, theme: theme)
    )
  }
}
