import PonderScreen
import Testing

/// OSC 52 bytes and the choice of clipboard methods; `--filter ClipboardTests` runs both.
@Suite struct ClipboardTests {
  @Suite struct OSC52Sequence {
    @Test func plainSequenceIsExactBytes() {
      let sequence = OSC52.setClipboard("hi 東京 🙂", wrapping: .none)
      #expect(sequence.string == "\u{1B}]52;c;aGkg5p2x5LqsIPCfmYI=\u{07}")
      #expect(!sequence.truncated)
      #expect(sequence.textBytes == 14)
    }

    @Test(arguments: [("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("héllo", "aMOpbGxv")])
    func base64Padding(text: String, encoded: String) {
      #expect(OSC52.setClipboard(text, wrapping: .none).string == "\u{1B}]52;c;\(encoded)\u{07}")
    }

    @Test func tmuxPassthroughDoublesEveryEscape() {
      let sequence = OSC52.setClipboard("foo", wrapping: .tmux)
      #expect(sequence.string == "\u{1B}Ptmux;\u{1B}\u{1B}]52;c;Zm9v\u{07}\u{1B}\\")
    }

    @Test func screenPassthroughSplitsLongPayloads() {
      let short = OSC52.setClipboard("foo", wrapping: .screen)
      #expect(short.string == "\u{1B}P\u{1B}]52;c;Zm9v\u{07}\u{1B}\\")
      let long = OSC52.setClipboard(String(repeating: "a", count: 60), wrapping: .screen)  // 80 base64 bytes
      let payload = String(repeating: "YWFh", count: 20)
      let expected = "\u{1B}P\u{1B}]52;c;\(payload.prefix(76))\u{1B}\\\u{1B}P\(payload.dropFirst(76))\u{07}\u{1B}\\"
      #expect(long.string == expected)
    }

    @Test func textIsCutAtTheCap() {
      let text = String(repeating: "x", count: OSC52.maxTextBytes + 10)
      let sequence = OSC52.setClipboard(text, wrapping: .none)
      #expect(sequence.truncated)
      #expect(sequence.textBytes == 74_994)
      #expect(sequence.bytes.count == 5 + 2 + 99_992 + 1)  // ESC ] 52;c; … BEL
      #expect(!OSC52.setClipboard(String(repeating: "x", count: OSC52.maxTextBytes), wrapping: .none).truncated)
    }

    @Test func capNeverSplitsACharacter() {
      let sequence = OSC52.setClipboard("ab東京", wrapping: .none, maxTextBytes: 6)  // 東 is 3 bytes: 2 + 3 = 5
      #expect(sequence.truncated)
      #expect(sequence.textBytes == 5)
      #expect(sequence.string == "\u{1B}]52;c;YWLmnbE=\u{07}")
    }

    @Test func wrappingDetection() {
      #expect(OSC52.Wrapping.detect(insideTmux: true, term: "screen-256color") == .tmux)
      #expect(OSC52.Wrapping.detect(insideTmux: false, term: "screen.xterm-256color") == .screen)
      #expect(OSC52.Wrapping.detect(insideTmux: false, term: "xterm-256color") == .none)
      #expect(OSC52.Wrapping.detect(insideTmux: false, term: nil) == .none)
    }
  }

  @Suite struct Plan {
    static let allTools = Set(ClipboardTool.allCases)

    @Test func localX11UsesXclipThenOSC52() {
      let plan = ClipboardPlan(
        environment: ["DISPLAY": ":0", "TERM": "xterm-256color"], isMacOS: false, availableTools: [.xclip, .xsel])
      #expect(plan.hasLocalDisplay)
      #expect(plan.methods == [.command(executable: "xclip", arguments: ["-selection", "clipboard"]), .osc52(.none)])
      #expect(plan.methods.map(\.label) == ["xclip", "OSC 52"])
    }

    @Test func x11FallsBackToXsel() {
      let plan = ClipboardPlan(environment: ["DISPLAY": ":0"], isMacOS: false, availableTools: [.xsel, .wlCopy])
      #expect(plan.methods == [.command(executable: "xsel", arguments: ["--clipboard", "--input"]), .osc52(.none)])
    }

    @Test func waylandPrefersWlCopy() {
      let plan = ClipboardPlan(
        environment: ["WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"], isMacOS: false, availableTools: Self.allTools)
      #expect(plan.methods.map(\.label) == ["wl-copy", "OSC 52"])
    }

    @Test func waylandWithoutWlCopyUsesXWayland() {
      let plan = ClipboardPlan(
        environment: ["WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"], isMacOS: false, availableTools: [.xclip])
      #expect(plan.methods.map(\.label) == ["xclip", "OSC 52"])
    }

    @Test(arguments: ["SSH_CONNECTION", "SSH_TTY"])
    func sshUsesOnlyOSC52(variable: String) {
      let plan = ClipboardPlan(
        environment: ["DISPLAY": "localhost:10.0", variable: "x"], isMacOS: false, availableTools: Self.allTools)
      #expect(!plan.hasLocalDisplay)
      #expect(plan.methods == [.osc52(.none)])
    }

    @Test func tmuxOverSSHTriesPassthroughThenPlain() {
      let plan = ClipboardPlan(
        environment: ["TMUX": "/tmp/tmux-1000/default,1,0", "TERM": "screen-256color", "SSH_TTY": "/dev/pts/1"],
        isMacOS: false, availableTools: Self.allTools)
      #expect(plan.methods == [.osc52(.tmux), .osc52(.none)])
      #expect(plan.methods.map(\.label) == ["OSC 52 (tmux passthrough)", "OSC 52"])
    }

    @Test func localTmuxStillUsesNativeTool() {
      let plan = ClipboardPlan(
        environment: ["TMUX": "/tmp/tmux-1000/default,1,0", "DISPLAY": ":0"], isMacOS: false, availableTools: [.xclip])
      #expect(plan.methods.map(\.label) == ["xclip", "OSC 52 (tmux passthrough)", "OSC 52"])
    }

    @Test func screenUsesScreenPassthrough() {
      let plan = ClipboardPlan(environment: ["TERM": "screen"], isMacOS: false, availableTools: [])
      #expect(plan.methods.map(\.label) == ["OSC 52 (screen passthrough)"])
    }

    @Test func macOSUsesPbcopy() {
      let plan = ClipboardPlan(environment: ["TERM": "xterm-256color"], isMacOS: true, availableTools: [.pbcopy])
      #expect(plan.methods.map(\.label) == ["pbcopy", "OSC 52"])
    }

    @Test func noDisplayNoTools() {
      let plan = ClipboardPlan(environment: ["DISPLAY": ""], isMacOS: false, availableTools: Self.allTools)
      #expect(plan.methods == [.osc52(.none)])
    }
  }
}
