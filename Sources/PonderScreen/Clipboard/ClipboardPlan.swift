/// Decides how a copy reaches the clipboard, from facts about the environment.
///
/// A native tool is used only when it can reach a display on this machine (not over SSH, where
/// DISPLAY may point at a forwarded or stale server). OSC 52 is always added, because it is what
/// works over SSH and it costs nothing when the terminal ignores it. Inside tmux the passthrough
/// form is tried first (`allow-passthrough on`), then the plain form, which tmux itself handles
/// when `set-clipboard on`. Pure: the caller finds the tools on PATH and performs the methods.
public struct ClipboardPlan: Sendable, Equatable {
  public var insideTmux: Bool
  public var term: String?
  public var waylandDisplay: Bool
  public var x11Display: Bool
  public var overSSH: Bool
  public var isMacOS: Bool
  public var availableTools: Set<ClipboardTool>

  public init(
    insideTmux: Bool, term: String?, waylandDisplay: Bool, x11Display: Bool, overSSH: Bool, isMacOS: Bool,
    availableTools: Set<ClipboardTool>
  ) {
    self.insideTmux = insideTmux
    self.term = term
    self.waylandDisplay = waylandDisplay
    self.x11Display = x11Display
    self.overSSH = overSSH
    self.isMacOS = isMacOS
    self.availableTools = availableTools
  }

  /// Reads the facts from environment variables (`TMUX`, `TERM`, `WAYLAND_DISPLAY`, `DISPLAY`,
  /// `SSH_CONNECTION`, `SSH_TTY`); empty values count as unset.
  public init(environment: [String: String], isMacOS: Bool, availableTools: Set<ClipboardTool>) {
    let isSet = { (name: String) in !(environment[name] ?? "").isEmpty }
    self.init(
      insideTmux: isSet("TMUX"), term: environment["TERM"], waylandDisplay: isSet("WAYLAND_DISPLAY"),
      x11Display: isSet("DISPLAY"), overSSH: isSet("SSH_CONNECTION") || isSet("SSH_TTY"), isMacOS: isMacOS,
      availableTools: availableTools)
  }

  /// A display on this machine that a native tool can reach.
  public var hasLocalDisplay: Bool { !overSSH && (waylandDisplay || x11Display || isMacOS) }

  /// The methods to use, in order: at most one native tool, then OSC 52.
  public var methods: [ClipboardMethod] {
    var methods: [ClipboardMethod] = []
    if let tool = nativeTool { methods.append(tool.method) }
    let wrapping = OSC52.Wrapping.detect(insideTmux: insideTmux, term: term)
    methods.append(.osc52(wrapping))
    if wrapping == .tmux { methods.append(.osc52(.none)) }
    return methods
  }

  private var nativeTool: ClipboardTool? {
    guard hasLocalDisplay else { return nil }
    let candidates: [(ClipboardTool, Bool)] = [
      (.pbcopy, isMacOS), (.wlCopy, waylandDisplay), (.xclip, x11Display), (.xsel, x11Display),
    ]
    return candidates.first { tool, usable in usable && availableTools.contains(tool) }?.0
  }
}
