// swift-tools-version:6.0
import PackageDescription

/// How the release `ponder` is linked, to keep its memory small (docs/architecture.md, "Memory"):
/// the Swift runtime and Foundation linked in statically (no symbol lookups and relocations in a
/// dozen shared libraries at start), relative relocations packed (glibc 2.36+), and no symbol
/// table exported for them. Debug builds and tests link as usual.
let leanRelease: [LinkerSetting] = [
  .unsafeFlags(
    [
      "-static-stdlib", "-use-ld=lld", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs",
      "-Xlinker", "--no-export-dynamic",
      // What static Foundation needs that the dynamic modules' autolink entries do not name.
      "-lFoundationInternationalization", "-lFoundationEssentials", "-l_FoundationICU", "-l_FoundationCShims",
      "-l_FoundationCollections", "-lCoreFoundation",
    ], .when(platforms: [.linux], configuration: .release))
]

/// Ponder: a full-screen terminal chat client for local language models.
///
/// Import rules (checked in review, see docs/architecture.md):
/// - `PonderCore` and `PonderScreen` are pure: no curses, no networking library, no clock reads.
/// - `PonderHTTP` is the only target that imports the HTTP client.
/// - `PonderTerminal` is the only target that imports curses.
/// - `PonderMCP` is the only target that imports the MCP SDK; only the `ponder-mcp` helper links it.
///   `ponder` reaches MCP servers through that helper (`PonderMCPBridge`), so it loads no MCP SDK,
///   Foundation networking or libcurl.
/// - `PonderStore` is the only target that imports GRDB (SQLite).
/// - `PonderTOML` is the only target that imports TOMLKit: it turns TOML text into `PonderCore`'s
///   `ConfigNode` tree; what the keys mean (types, defaults, warnings) stays pure in `PonderCore`.
/// - `PonderCLI` wires them together; `ponder` is a one-line `main`.
let package = Package(
  name: "Ponder",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "ponder", targets: ["ponder"]),
    .executable(name: "ponder-mcp", targets: ["ponder-mcp"]),
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
    .target(name: "PonderMCPBridge", dependencies: ["PonderCore", "PonderTools"]),
    .target(
      name: "PonderMCP",
      dependencies: [
        "PonderCore", "PonderTools", "PonderMCPBridge",
        .product(name: "MCP", package: "swift-sdk"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "SystemPackage", package: "swift-system"),
      ]),
    .target(name: "PonderStore", dependencies: ["PonderCore", .product(name: "GRDB", package: "GRDB.swift")]),
    .target(name: "PonderTOML", dependencies: ["PonderCore", .product(name: "TOMLKit", package: "TOMLKit")]),
    .target(
      name: "PonderCLI",
      dependencies: [
        "PonderCore", "PonderScreen", "PonderTerminal", "PonderHTTP", "PonderTools", "PonderMCPBridge", "PonderStore",
        "PonderTOML", .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    .executableTarget(name: "ponder", dependencies: ["PonderCLI"], linkerSettings: leanRelease),
    .executableTarget(name: "ponder-mcp", dependencies: ["PonderMCP"]),
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
    .testTarget(
      name: "PonderToolsTests", dependencies: ["PonderTools", "PonderCore", "PonderHTTP", "PonderTestSupport"]),
    .testTarget(
      name: "PonderMCPTests",
      dependencies: [
        "PonderMCP", "PonderMCPBridge", "PonderTools", "PonderCore", "PonderTOML", "ponder-mcp-test-server",
        "ponder-mcp",
      ]),
    .testTarget(name: "PonderTerminalTests", dependencies: ["PonderTerminal", "PonderScreen", "CNCurses"]),
    .testTarget(name: "PonderStoreTests", dependencies: ["PonderStore", "PonderCore"]),
    .testTarget(
      name: "PonderTOMLTests", dependencies: ["PonderTOML", "PonderCore", "PonderScreen", "PonderTestSupport"]),
    .testTarget(
      name: "PonderHTTPTests",
      dependencies: ["PonderCore", "PonderHTTP", "PonderCLI", "PonderTestSupport"]),
  ]
)
