import Testing

@testable import PonderCore

/// Where the config file is, from an environment passed in (the real one is never read here).
@Suite struct ConfigLocationTests {
  @Test func ponderConfigComesFirstAndIsExplicit() {
    let location = ConfigLocation.resolve(
      environment: ["PONDER_CONFIG": "/etc/p.toml", "XDG_CONFIG_HOME": "/x", "HOME": "/home/me"])
    #expect(location == ConfigLocation(path: "/etc/p.toml", isExplicit: true))
  }

  @Test func thenXDGConfigHomeThenHome() {
    #expect(
      ConfigLocation.resolve(environment: ["XDG_CONFIG_HOME": "/x", "HOME": "/home/me"])
        == ConfigLocation(path: "/x/ponder/config.toml", isExplicit: false))
    #expect(
      ConfigLocation.resolve(environment: ["HOME": "/home/me"])
        == ConfigLocation(path: "/home/me/.config/ponder/config.toml", isExplicit: false))
  }

  @Test func emptyOrRelativeValuesAreSkipped() {
    #expect(
      ConfigLocation.resolve(environment: ["PONDER_CONFIG": "", "XDG_CONFIG_HOME": "relative", "HOME": "/h"])?.path
        == "/h/.config/ponder/config.toml")
    #expect(ConfigLocation.resolve(environment: [:]) == nil)
    #expect(ConfigLocation.resolve(environment: ["HOME": ""]) == nil)
  }
}
