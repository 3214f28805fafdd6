// swift-tools-version:6.0
import PackageDescription

/// Ponder: a full-screen terminal chat client for local language models.
///
/// Import rules (checked in review, see docs/architecture.md):
/// - `PonderCore` and `PonderScreen` are pure: no curses, no networking library, no clock reads.
/// - `PonderHTTP` is the only target that imports the HTTP client.
/// - `PonderTerminal` is the only target that imports curses.
/// - `PonderCLI` wires them together; `ponder` is a one-line `main`.
let package = Package(
  name: "Ponder",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "ponder", targets: ["ponder"])
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/swift-server/async-http-client", from: "1.25.0"),
  ],
  targets: [
    .target(name: "PonderCore"),
    .target(name: "PonderScreen", dependencies: ["PonderCore"]),
    .target(name: "PonderTools", dependencies: ["PonderCore"]),
    .systemLibrary(
      name: "CNCurses", pkgConfig: "ncursesw", providers: [.apt(["libncurses-dev"]), .brew(["ncurses"])]),
    .target(name: "PonderTerminal", dependencies: ["PonderScreen", "CNCurses"]),
    .target(
      name: "PonderHTTP",
      dependencies: [
        "PonderCore",
        .product(name: "AsyncHTTPClient", package: "async-http-client"),
      ]),
    .target(
      name: "PonderCLI",
      dependencies: [
        "PonderCore", "PonderScreen", "PonderTerminal", "PonderHTTP", "PonderTools",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    .executableTarget(name: "ponder", dependencies: ["PonderCLI"]),
    .target(name: "PonderTestSupport", dependencies: ["PonderCore", "PonderScreen"]),
    .executableTarget(name: "ponder-test-server", dependencies: ["PonderTestSupport"]),
    .executableTarget(
      name: "ponder-bench", dependencies: ["PonderCore", "PonderScreen", "PonderTerminal", "PonderHTTP", "PonderTestSupport"]),
    .testTarget(
      name: "PonderCoreTests", dependencies: ["PonderCore", "PonderTestSupport"],
      exclude: ["Fixtures"]),
    .testTarget(
      name: "PonderScreenTests", dependencies: ["PonderScreen", "PonderCore", "PonderTestSupport"],
      exclude: ["Snapshots"]),
    .testTarget(name: "PonderToolsTests", dependencies: ["PonderTools", "PonderCore", "PonderTestSupport"]),
    .testTarget(name: "PonderTerminalTests", dependencies: ["PonderTerminal", "PonderScreen", "CNCurses"]),
    .testTarget(
      name: "PonderHTTPTests",
      dependencies: ["PonderCore", "PonderHTTP", "PonderCLI", "PonderTestSupport"]),
  ]
)
