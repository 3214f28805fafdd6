/// The default theme compiled in, so Ponder looks right even when no theme file can be found.
/// A test checks that `Themes/default-dark.theme`, read as a theme file, gives exactly this.
public enum BuiltInTheme {
  public static let defaultDark = Theme(
    name: "default-dark",
    styles: [
      .header: style("bright-white", on: "color24", bold: true),
      .headerAccent: style("bright-yellow", on: "color24", bold: true),
      .title: style("color245"),
      .titleFocused: style("bright-cyan", bold: true),
      .border: style("color240"),
      .dim: style("color244"),
      .logTime: style("color242"),
      .logRequest: style("cyan"),
      .logModel: style("blue"),
      .logFirstToken: style("green"),
      .logThinking: style("magenta"),
      .logTool: style("yellow"),
      .logResult: style("bright-yellow"),
      .logRetry: style("color208"),
      .logError: style("bright-red", bold: true),
      .logDone: style("bright-green"),
      .reasoning: style("default"),
      .cursor: style("bright-cyan", bold: true),
      .statusBar: style("color252", on: "color236"),
      .statusPaused: style("black", on: "yellow", bold: true),
      .answer: style("default"),
      .userLabel: style("bright-cyan", bold: true),
      .userText: style("cyan"),
      .assistantLabel: style("bright-green", bold: true),
      .bold: style(nil, bold: true),
      .heading: style("bright-white", bold: true, underline: true),
      .code: style("color186", on: "color235"),
      .codeLabel: style("color244", on: "color235"),
      .listBullet: style("bright-cyan"),
      .notice: style("yellow"),
      .error: style("bright-red"),
      .searchMatch: style("black", on: "yellow"),
      .searchCurrent: style("black", on: "bright-green", bold: true),
      .inputPrompt: style("bright-cyan", bold: true),
      .input: style("default"),
      .inputPlaceholder: style("color242"),
      .footer: style("color248", on: "color235"),
      .footerKey: style("bright-white", on: "color235", bold: true),
      .overlay: style("bright-white", on: "color237"),
      .overlayTitle: style("bright-cyan", on: "color237", bold: true),
      .overlaySelected: style("black", on: "bright-cyan"),
    ])

  /// A role's look from colour names as a theme file writes them.
  private static func style(
    _ foreground: String?, on background: String? = nil, bold: Bool = false, underline: Bool = false
  ) -> RoleStyle {
    RoleStyle(
      foreground: foreground.flatMap(Theme.color(named:)) ?? .terminalDefault,
      background: background.flatMap(Theme.color(named:)) ?? .terminalDefault, bold: bold, underline: underline)
  }
}
