import Foundation
import Testing

@testable import PonderCLI

/// Where themes are found: beside the executable's real path, `$PONDER_THEMES`, the config folder.
@Suite struct ThemeLoaderTests {
  /// A checkout whose build folder is reached only through links, as `.build/debug` is.
  struct Checkout {
    let root: URL
    let linkedExecutable: String

    init() throws {
      let files = FileManager.default
      root = files.temporaryDirectory.appendingPathComponent("ponder-themes-\(UUID().uuidString)")
      let real = root.appendingPathComponent("checkout/.build/x86_64-unknown-linux-gnu/debug")
      try files.createDirectory(at: real, withIntermediateDirectories: true)
      try files.createDirectory(at: root.appendingPathComponent("checkout/Themes"), withIntermediateDirectories: true)
      try "[header]\nfg = \"blue\"\n".write(
        to: root.appendingPathComponent("checkout/Themes/light.theme"), atomically: true, encoding: .utf8)
      try Data().write(to: real.appendingPathComponent("ponder"))
      // `elsewhere/bin` is a link to the real build folder: walking up from the link finds nothing.
      try files.createDirectory(at: root.appendingPathComponent("elsewhere"), withIntermediateDirectories: true)
      try files.createSymbolicLink(at: root.appendingPathComponent("elsewhere/bin"), withDestinationURL: real)
      linkedExecutable = root.appendingPathComponent("elsewhere/bin/ponder").path
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
  }

  @Test func themesAreFoundThroughTheExecutablesRealPath() throws {
    let checkout = try Checkout()
    defer { checkout.remove() }
    let directories = ThemeLoader.searchDirectories(environment: [:], executable: checkout.linkedExecutable)
    let expected = try #require(
      ExecutableLocation.realPath(checkout.root.appendingPathComponent("checkout/Themes").path))
    #expect(directories.first == expected)
    let (_, problem) = ThemeLoader.load(named: "light", directories: directories)
    #expect(problem == nil)
  }

  @Test func ponderThemesComesNextThenTheConfigFolder() throws {
    let checkout = try Checkout()
    defer { checkout.remove() }
    let custom = checkout.root.appendingPathComponent("custom").path
    let directories = ThemeLoader.searchDirectories(
      environment: ["PONDER_THEMES": custom, "XDG_CONFIG_HOME": "/tmp/xdg"], executable: "/nonexistent/ponder")
    #expect(directories == [custom, "/tmp/xdg/ponder/themes"])
    try FileManager.default.createDirectory(atPath: custom, withIntermediateDirectories: true)
    try "[title]\nbold = true\n".write(toFile: custom + "/mine.theme", atomically: true, encoding: .utf8)
    #expect(ThemeLoader.load(named: "mine", directories: directories).problem == nil)
  }

  @Test func aMissingOrBrokenThemeSaysWhyAndWhere() throws {
    let checkout = try Checkout()
    defer { checkout.remove() }
    let folder = checkout.root.appendingPathComponent("checkout/Themes").path
    let missing = ThemeLoader.load(named: "nope", directories: [folder]).problem
    #expect(missing == "theme 'nope' not found in \(folder); using the default")
    try "[header]\nfg = \"no such colour\"\n".write(toFile: folder + "/bad.theme", atomically: true, encoding: .utf8)
    let broken = try #require(ThemeLoader.load(named: "bad", directories: [folder]).problem)
    #expect(broken.hasPrefix("theme \(folder)/bad.theme is broken ("))
  }
}
