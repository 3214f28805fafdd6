import Foundation
import PonderScreen

/// Runs native clipboard programs (wl-copy, xclip, xsel, pbcopy) for ``ClipboardPlan``.
enum ClipboardRunner {
  static var isMacOS: Bool {
    #if os(macOS)
      return true
    #else
      return false
    #endif
  }

  /// The clipboard tools found on `PATH`.
  static func toolsOnPath() -> Set<ClipboardTool> {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
    let directories = path.split(separator: ":").map(String.init)
    return Set(ClipboardTool.allCases.filter { tool in
      directories.contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(tool.rawValue)") }
    })
  }

  /// Writes `text` to the program's standard input; true when it exited 0 within 3 seconds.
  static func run(_ method: ClipboardMethod, text: String) -> Bool {
    guard case .command(let executable, let arguments) = method else { return false }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [executable] + arguments
    let input = Pipe()
    process.standardInput = input
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    do {
      try process.run()
    } catch {
      return false
    }
    input.fileHandleForWriting.write(Data(text.utf8))
    try? input.fileHandleForWriting.close()
    let deadline = Date().addingTimeInterval(3)
    while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
    if process.isRunning {
      process.terminate()
      return false
    }
    return process.terminationStatus == 0
  }
}
