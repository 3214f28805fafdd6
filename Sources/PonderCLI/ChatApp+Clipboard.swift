import Foundation
import PonderScreen

extension ChatApp {
  /// Puts text on the clipboard by every path the environment allows (OSC 52 always, so it works
  /// over SSH; a native tool when there is a local display) and logs which paths were used.
  func copy(_ text: String, label: String) {
    let plan = ClipboardPlan(
      environment: ProcessInfo.processInfo.environment, isMacOS: ClipboardRunner.isMacOS,
      availableTools: ClipboardRunner.toolsOnPath())
    var used: [String] = []
    var commands: [ClipboardMethod] = []
    for method in plan.methods {
      switch method {
      case .osc52(let wrapping):
        let sequence = OSC52.setClipboard(text, wrapping: wrapping)
        terminal.writeRaw(sequence.string)
        used.append(method.label + (sequence.truncated ? " (first \(sequence.textBytes) bytes)" : ""))
      case .command:
        commands.append(method)
      }
    }
    let inbox = self.inbox
    let written = used
    let tools = commands
    // The tools are waited for (up to 3 s each) on a dispatch thread, never on the cooperative
    // pool, whose few threads decode and pace the stream.
    DispatchQueue.global(qos: .userInitiated).async {
      var all = written
      for method in tools where ClipboardRunner.run(method, text: text) { all.insert(method.label, at: 0) }
      inbox.yield(.app(.copied(label: label, methods: all, failure: all.isEmpty ? "no clipboard path worked" : nil)))
    }
  }
}
