import Foundation

/// Loads test fixtures from a `Fixtures` folder that sits beside the calling test file.
public enum Fixtures {
  public static func bytes(_ name: String, besides file: String = #filePath) -> [UInt8] {
    let url = URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)")
    guard let data = FileManager.default.contents(atPath: url.path) else {
      fatalError("missing fixture \(url.path)")
    }
    return [UInt8](data)
  }
}

extension Fixtures {
  /// A file of the repository (e.g. `Themes/light.theme`), found from the calling test's path.
  public static func repositoryFile(_ path: String, besides file: String = #filePath) -> [UInt8] {
    var root = URL(fileURLWithPath: file).deletingLastPathComponent()
    while root.path != "/", root.lastPathComponent != "Tests" { root.deleteLastPathComponent() }
    let url = root.deletingLastPathComponent().appendingPathComponent(path)
    guard let data = FileManager.default.contents(atPath: url.path) else { fatalError("missing file \(url.path)") }
    return [UInt8](data)
  }
}
