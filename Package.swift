// swift-tools-version:6.0
import PackageDescription

/// Ponder: a full-screen terminal chat client for local language models.
///
/// Import rules (checked in review, see docs/architecture.md):
/// - `PonderCore` and `PonderScreen` are pure: no curses, no networking library, no clock reads.
/// - `PonderHTTP` is the only target that imports the HTTP client.
/// - `PonderTerminal` is the only target that imports curses.
/// - `PonderMCP` is the only target that imports the MCP SDK.
/// - `PonderStore` is the only target that imports GRDB (SQLite).
/// - `PonderTOML` is the only target that imports TOMLKit: it turns TOML text into `PonderCore`'s
///   `ConfigNode` tree; what the keys mean (types, defaults, warnings) stays pure in `PonderCore`.
/// - `PonderCLI` wires them together; `ponder` is a one-line `main`.
let package = Package(
  name: "Ponder",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "ponder", targets: ["ponder"])
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/swift-server/async-http-client", from: "1.25.0"),
    // AsyncHTTPClient's own dependencies, named because transport errors are told apart by their types.
    .package(url: "https://github.com/apple/swift-nio.git", from: "2.0.0"),
    .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.0.0"),
    .package(url: "https://github.com/modelcontextprotocol/swift-sdk", from: "0.12.0"),
    // The MCP SDK's own dependencies, named because its transport API uses their types.
    .package(url: "https://github.com/apple/swift-log.git", from: "1.5.0"),
    .package(url: "https://github.com/apple/swift-system", from: "1.0.0"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
  ],
  targets: [
    .target(name: "PonderCore"),
    .target(name: "PonderScreen", dependencies: ["PonderCore"]),
    .target(name: "PonderTools", dependencies: ["PonderCore"]),
    .systemLibrary(
      name: "CNCurses", pkgConfig: "ncursesw", providers: [.apt(["libncurses-dev"]), .brew(["ncurses"])]),
    .target(name: "PonderTerminal", dependencies: ["PonderCore", "PonderScreen", "CNCurses"]),
    .target(
      name: "PonderHTTP",
      dependencies: [
        "PonderCore",
        .product(name: "AsyncHTTPClient", package: "async-http-client"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOHTTP1", package: "swift-nio"),
        .product(name: "NIOSSL", package: "swift-nio-ssl"),
      ]),
    .target(
      name: "PonderMCP",
      dependencies: [
        "PonderCore", "PonderTools",
        .product(name: "MCP", package: "swift-sdk"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "SystemPackage", package: "swift-system"),
      ]),
    .target(name: "PonderStore", dependencies: ["PonderCore", .product(name: "GRDB", package: "GRDB.swift")]),
    .target(name: "PonderTOML", dependencies: ["PonderCore", .product(name: "TOMLKit", package: "TOMLKit")]),
    .target(
      name: "PonderCLI",
      dependencies: [
        "PonderCore", "PonderScreen", "PonderTerminal", "PonderHTTP", "PonderTools", "PonderMCP", "PonderStore",
        "PonderTOML", .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    .executableTarget(name: "ponder", dependencies: ["PonderCLI"]),
    .target(name: "PonderTestSupport", dependencies: ["PonderCore", "PonderScreen"]),
    .executableTarget(name: "ponder-test-server", dependencies: ["PonderTestSupport"]),
    .executableTarget(name: "ponder-mcp-test-server", dependencies: ["PonderCore"]),
    .executableTarget(
      name: "ponder-bench",
      dependencies: [
        "PonderCore", "PonderScreen", "PonderTerminal", "PonderHTTP", "PonderStore", "PonderTestSupport",
      ]),
    .testTarget(
      name: "PonderCoreTests", dependencies: ["PonderCore", "PonderTestSupport"],
      exclude: ["Fixtures"]),
    .testTarget(
      name: "PonderScreenTests", dependencies: ["PonderScreen", "PonderCore", "PonderTestSupport"],
      exclude: ["Snapshots"]),
    .testTarget(name: "PonderToolsTests", dependencies: ["PonderTools", "PonderCore", "PonderTestSupport"]),
    .testTarget(
      name: "PonderMCPTests",
      dependencies: ["PonderMCP", "PonderTools", "PonderCore", "PonderTOML", "ponder-mcp-test-server"]),
    .testTarget(name: "PonderTerminalTests", dependencies: ["PonderTerminal", "PonderScreen", "CNCurses"]),
    .testTarget(name: "PonderStoreTests", dependencies: ["PonderStore", "PonderCore"]),
    .testTarget(
      name: "PonderTOMLTests", dependencies: ["PonderTOML", "PonderCore", "PonderScreen", "PonderTestSupport"]),
    .testTarget(
      name: "PonderHTTPTests",
      dependencies: ["PonderCore", "PonderHTTP", "PonderCLI", "PonderTestSupport"]),
  ]
)
