import Foundation

/// A fresh folder for one test's database file, removed when the test's value goes away.
final class TemporaryDatabase {
  let folder: String
  var path: String { folder + "/ponder.sqlite" }

  init() {
    folder = NSTemporaryDirectory() + "ponder-store-" + UUID().uuidString
  }

  deinit { try? FileManager.default.removeItem(atPath: folder) }
}
